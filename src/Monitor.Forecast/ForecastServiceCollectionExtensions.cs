using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core;
using Monitor.Core.Cli;
using Monitor.Core.Jobs;
using Monitor.Core.Store;
using Monitor.Forecast.Backtest;
using Monitor.Core.Scale;
using Monitor.Forecast.Shards;
using Monitor.Forecast.Store;

namespace Monitor.Forecast;

/// <summary>Registers the forecast stage: options ("Forecast"), the forecast job, the backtest and forecast verbs, and the model registry schema.</summary>
public static class ForecastServiceCollectionExtensions
{
    /// <summary>The module's own tables (the model registry).</summary>
    public static IEnumerable<SchemaScript> Schema => SchemaScript.FromEmbedded(typeof(ForecastServiceCollectionExtensions).Assembly, "forecast");

    public static IServiceCollection AddMonitorForecast(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ForecastOptions>().Bind(configuration.GetSection(ForecastOptions.Section));
        services.AddSingleton<ForecastShardStage>();
        services.AddSingleton<IShardedStage>(sp => sp.GetRequiredService<ForecastShardStage>());
        services.AddSingleton(sp => new ForecastJob(sp.GetRequiredService<MonitorStore>(), sp.GetRequiredService<ShardCoordinator>()));
        services.AddSingleton<IMonitorJob>(sp => sp.GetRequiredService<ForecastJob>());
        services.AddSingleton<ForecastAsOf>();
        RunJobCommand.Register(services, "forecast", JobKeys.Forecast,
            "re-forecast every series whose data changed since its last forecast; with --as-of: every series from the data known then, nothing written to the store",
            (sp, args, asOf, ct) => Task.FromResult(sp.GetRequiredService<ForecastAsOf>().Run(asOf, args.Get("out"), ct)),
            () => [new System.CommandLine.Option<string>("--out") { Description = "with --as-of: write the forecasts to this CSV file", HelpName = "FILE" }]);
        services.AddCliVerb<BacktestCommand>();
        services.AddSchema(Schema);
        return services;
    }
}
