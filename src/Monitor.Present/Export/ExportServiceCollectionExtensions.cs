using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Core.Cli;
using Monitor.Present.Export.Cli;
using Monitor.Present.Export.Query;

namespace Monitor.Present.Export;

/// <summary>Registers the forecast exporter, the read-only query runner and their CLI verbs (export, query).</summary>
public static class ExportServiceCollectionExtensions
{
    public static IServiceCollection AddMonitorExport(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ForecastExporter>();
        services.TryAddSingleton<ReadOnlyQuery>();
        services.AddCliVerb<ExportCommand>();
        services.AddCliVerb<QueryCommand>();
        return services;
    }
}
