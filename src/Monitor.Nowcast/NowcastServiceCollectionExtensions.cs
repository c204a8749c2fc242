using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Cli;
using Monitor.Nowcast.Cli;

namespace Monitor.Nowcast;

/// <summary>Registers the nowcast stage: the evaluate-nowcast verb.</summary>
public static class NowcastServiceCollectionExtensions
{
    public static IServiceCollection AddMonitorNowcast(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ICliCommand, EvaluateNowcastCommand>();
        return services;
    }
}
