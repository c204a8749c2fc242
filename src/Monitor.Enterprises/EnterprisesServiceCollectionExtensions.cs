using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Core;
using Monitor.Core.Alerts;
using Monitor.Core.Cli;
using Monitor.Core.Jobs;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Microsoft.Extensions.Options;
using Monitor.Enterprises.Aggregates;
using Monitor.Enterprises.Cli;
using Monitor.Enterprises.Disclosure;
using Monitor.Enterprises.Ingest;
using Monitor.Enterprises.Samples;
using Monitor.Enterprises.Store;
using Monitor.Enterprises.Warnings;
using Monitor.Enterprises.Access;

namespace Monitor.Enterprises;

/// <summary>Registers the Enterprises module: its options, schema, loader, aggregates with disclosure control and jobs.</summary>
public static class EnterprisesServiceCollectionExtensions
{
    public static IServiceCollection AddMonitorEnterprises(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EnterpriseOptions>().Bind(configuration.GetSection(EnterpriseOptions.Section));
        services.AddSchema(EnterpriseSchema.Scripts);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PanelLoader>();
        services.TryAddSingleton<AggregateQuery>();
        services.TryAddSingleton<DisclosureControl>();
        services.TryAddSingleton<AggregateTable>();
        services.TryAddSingleton<PublishedCoverage>();
        services.TryAddSingleton(sp => new FirmWarningsShardStage(sp.GetRequiredService<MonitorStore>(), new Lazy<StressIndex>(sp.GetRequiredService<StressIndex>),
            sp.GetRequiredService<IOptions<EnterpriseOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IShardedStage>(sp => sp.GetRequiredService<FirmWarningsShardStage>());
        services.TryAddSingleton(sp => new FirmWarnings(sp.GetRequiredService<ShardCoordinator>(), sp.GetRequiredService<FirmWarningsShardStage>()));
        services.TryAddSingleton<StressIndex>();
        services.TryAddSingleton<EnterpriseScopes>();
        services.TryAddSingleton<FirmReader>();
        services.TryAddSingleton<WatchList>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalAlertSource, WatchAlertSource>());
        services.AddCliVerb<EnterpriseAggregatesCommand>();
        services.AddSingleton<IMonitorJob, EnterpriseSamplesJob>();
        services.AddSingleton<IMonitorJob, EnterprisePanelsJob>();
        RunJobCommand.Register(services, "enterprise-panels", JobKeys.Ingest(EnterprisePanelsJob.SourceName),
            "load the enterprise panels dropped in Enterprises:PanelFolder, then rebuild firm warnings (watch alerts) and the stress index");
        return services;
    }
}
