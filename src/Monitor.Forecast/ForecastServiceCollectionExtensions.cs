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
        RunJobCommand.Register(services, "forecast", JobKeys.Forecast, "forecast   (re-forecasts every series whose data changed since its last forecast)");
        services.AddSingleton<ICliCommand, BacktestCommand>();
        services.AddSchema(Schema);
        return services;
    }
}
