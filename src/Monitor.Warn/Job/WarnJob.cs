using System.Globalization;
using Microsoft.Extensions.Options;
using Monitor.Core.Jobs;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Warn.Shards;

namespace Monitor.Warn.Job;

/// <summary>
/// The warn stage: reads observations and one-step forecasts from the store, writes anomalies, lights, composites,
/// turning points and alerts, as a sharded run (<see cref="WarnShardStage"/>): one shard in this process by default, or
/// shards on workers.
/// </summary>
public sealed class WarnJob(ShardCoordinator coordinator, WarnShardStage stage) : IMonitorJob
{
    /// <summary>A job with its own in-process coordinator (tools and tests without a host).</summary>
    public WarnJob(MonitorStore store, WarnInputReader reader, IOptions<WarnOptions> options, TimeProvider clock, ScaleOptions? scale = null)
        : this(new WarnShardStage(store, reader, options, clock), store, clock, scale)
    {
    }

    private WarnJob(WarnShardStage stage, MonitorStore store, TimeProvider clock, ScaleOptions? scale)
        : this(ShardCoordinator.InProcess(store, stage, clock, scale), stage)
    {
    }

    public string Key => JobKeys.Warn;

    public string Name => "Early warning: anomalies, signal lights, composites, alerts";

    /// <summary>Chained after the nowcast stage; no schedule of its own.</summary>
    public string? DefaultCron => null;

    /// <summary>
    /// What the stage would have said at <paramref name="asOf"/>, from the data known then (<see cref="Core.RealTime.AsOf"/>);
    /// writes nothing, so it runs the same computation in this process instead of a run that would merge into the store.
    /// </summary>
    public string Preview(DateTime asOf)
    {
        var (inputs, computation, _) = stage.Load(asOf);
        var results = computation.Run(inputs, asOf);
        var active = results.Alerts.Where(a => a.Active).ToList();
        var risk = results.RecessionRisk is { } r ? $"; recession risk ({r.IndexCode}, {r.Period:yyyy-MM}): {(r.Active ? $"on since {r.Since:yyyy-MM}" : "off")}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"warn as of {asOf:yyyy-MM-dd HH:mm}: {inputs.Observations.Count(o => o.Value.Count > 0)} series with data, {results.Anomalies.Count} anomalies, " +
            $"{results.TurningPoints.Count} turning points, {active.Count} active alert conditions{risk} (nothing written)");
    }

    /// <summary>Embedded, the results are written when this returns; with workers, when the last shard is merged.</summary>
    public Task<string> RunAsync(CancellationToken cancellationToken) => Task.FromResult(coordinator.Run(Key, cancellationToken).Summary);
}
