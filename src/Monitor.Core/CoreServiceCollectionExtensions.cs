using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Core.Audit;
using Monitor.Core.Jobs;
using Monitor.Core.Scale;
using Monitor.Core.Store;

namespace Monitor.Core;

/// <summary>Registers the store, the catalogue reader and the job runner shared by every host.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddMonitorStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MonitorStore>();
        services.TryAddSingleton<SeriesReader>();
        services.TryAddSingleton<JobRunLog>();
        services.TryAddSingleton<JobRunner>();
        services.AddOptions<ScaleOptions>().Bind(configuration.GetSection(ScaleOptions.Section));
        services.TryAddSingleton<ShardWorker>();
        services.TryAddSingleton<ShardCoordinator>();
        services.TryAddSingleton<IShardDispatcher>(sp => new InProcessShardDispatcher(sp.GetRequiredService<ShardWorker>(), new Lazy<ShardCoordinator>(sp.GetRequiredService<ShardCoordinator>),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ScaleOptions>>().Value.LocalThreads));
        services.TryAddSingleton<IAuditLog, AuditLog>();
        return services;
    }

    /// <summary>Adds a module's own tables; they are created when the store opens.</summary>
    public static IServiceCollection AddSchema(this IServiceCollection services, IEnumerable<SchemaScript> scripts)
    {
        foreach (var script in scripts) services.AddSingleton(script);
        return services;
    }
}
