using Microsoft.Extensions.Options;
using Monitor.Core.Jobs;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Ingest.Vintage;

namespace Monitor.Enterprises.Warnings;

/// <summary>
/// Computes every firm-level warning of the current vintage and replaces enterprise_warnings, raising watch alerts for
/// new warnings and republishing the stress index: a sharded run of <see cref="FirmWarningsShardStage"/> (the rules are
/// there), one shard in this process by default, or shards on workers when this process owns a scaled-out store.
/// </summary>
public sealed class FirmWarnings(ShardCoordinator coordinator, FirmWarningsShardStage stage)
{
    /// <summary>Warnings with their own in-process coordinator (tools and tests without a host).</summary>
    public FirmWarnings(MonitorStore store, TimeProvider clock, IOptions<EnterpriseOptions> options, ScaleOptions? scale = null)
        : this(new FirmWarningsShardStage(store, new Lazy<StressIndex>(() => new StressIndex(store, new VintageWriter(store, clock), options)), options, clock), store, clock, scale)
    {
    }

    private FirmWarnings(FirmWarningsShardStage stage, MonitorStore store, TimeProvider clock, ScaleOptions? scale)
        : this(ShardCoordinator.InProcess(store, stage, clock, scale), stage)
    {
    }

    /// <summary>
    /// Runs the warnings. Embedded, they (with watch alerts and the stress index) are written when this returns and the
    /// counts are those of this run; with workers, the run is only sent to them (<see cref="WarningRun.SentToShards"/>).
    /// </summary>
    public WarningRun Run(CancellationToken cancellationToken = default)
    {
        var started = coordinator.Run(JobKeys.EnterpriseWarnings, cancellationToken);
        return coordinator.Distributed ? new WarningRun(0, 0) { SentToShards = started.Summary } : stage.LastMerged ?? new WarningRun(0, 0);
    }
}

/// <summary>What a warnings run did: firm warnings now stored, and watch alerts raised for new ones.</summary>
public sealed record WarningRun(long Warnings, long WatchAlerts)
{
    /// <summary>Set when the run went to shard workers: it completes, with its counts, when the last shard is merged.</summary>
    public string? SentToShards { get; init; }

    public override string ToString() => SentToShards ?? $"{Warnings} firm warnings, {WatchAlerts} watch alerts";
}
