using Microsoft.Extensions.Configuration;
using Monitor.Core.Cli;
using Monitor.Forecast.Backtest;

using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Forecast;

/// <summary>Registers the forecast stage: options ("Forecast"), the forecast job, the backtest and forecast verbs, and the model registry schema.</summary>
public static class ForecastServiceCollectionExtensions
{
    public static IServiceCollection AddMonitorForecast(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ForecastOptions>().Bind(configuration.GetSection(ForecastOptions.Section));
        services.AddSingleton<ICliCommand, BacktestCommand>();
        return services;
    }
}
