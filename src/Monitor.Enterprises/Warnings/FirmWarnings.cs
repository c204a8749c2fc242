using Microsoft.Extensions.Options;
using Monitor.Core.Jobs;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Ingest.Vintage;

namespace Monitor.Enterprises.Warnings;

/// <summary>
/// Computes every firm-level warning of the current vintage and replaces enterprise_warnings, then republishes the
/// stress index: a sharded run of <see cref="FirmWarningsShardStage"/> (the rules are there), one shard in this process
/// by default, or shards on workers when this process owns a scaled-out store.
/// </summary>
public sealed class FirmWarnings(ShardCoordinator coordinator)
{
    /// <summary>Warnings with their own in-process coordinator (tools and tests without a host).</summary>
    public FirmWarnings(MonitorStore store, TimeProvider clock, IOptions<EnterpriseOptions> options, ScaleOptions? scale = null)
        : this(ShardCoordinator.InProcess(store, new FirmWarningsShardStage(store, new Lazy<StressIndex>(() => new StressIndex(store, new VintageWriter(store, clock), options)), options, clock), clock, scale))
    {
    }

    /// <summary>Runs the warnings; embedded, they (and the stress index) are written when this returns. Returns the run's summary.</summary>
    public string Run(CancellationToken cancellationToken = default) => coordinator.Run(JobKeys.EnterpriseWarnings, cancellationToken).Summary;
}
