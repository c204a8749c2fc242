using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Core;
using Monitor.Core.Cli;
using Monitor.Core.Jobs;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Warn.Alerts;
using Monitor.Warn.Cli;
using Monitor.Warn;
using Monitor.Warn.Job;
using Monitor.Warn.Shards;

// In the DI namespace so each host adds the stage with its one registration line and no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the warn stage: its options (section "Warn"), schema, sharded stage and job, alert store and CLI verbs.</summary>
public static class WarnServiceCollectionExtensions
{
    public static IEnumerable<SchemaScript> Schema => SchemaScript.FromEmbedded(typeof(WarnServiceCollectionExtensions).Assembly, "warn");

    public static IServiceCollection AddMonitorWarn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WarnOptions>().Bind(configuration.GetSection(WarnOptions.Section));
        services.AddSchema(Schema);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WarnInputReader>();
        services.TryAddSingleton<AlertStore>();
        services.TryAddSingleton<Monitor.Warn.Sets.IndicatorSetStore>();
        services.TryAddSingleton<WarnShardStage>();
        services.AddSingleton<IShardedStage>(sp => sp.GetRequiredService<WarnShardStage>());
        services.AddSingleton(sp => new WarnJob(sp.GetRequiredService<ShardCoordinator>(), sp.GetRequiredService<WarnShardStage>()));
        services.AddSingleton<IMonitorJob>(sp => sp.GetRequiredService<WarnJob>());
        RunJobCommand.Register(services, "warn", JobKeys.Warn, "run the early-warning stage now (anomalies, lights, composites, turning points, alerts); with --as-of: what it would have said then, nothing written",
            (sp, _, asOf, _) => Task.FromResult(sp.GetRequiredService<WarnJob>().Preview(asOf)));
        services.AddCliVerb<EvaluateWarningsCommand>();
        return services;
    }
}
