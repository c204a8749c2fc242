using System.Collections.Concurrent;
using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Monitor.Core.Domain;
using Monitor.Core.Jobs;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Warn.Alerts;
using Monitor.Warn.Job;
using Monitor.Warn.Sets;

namespace Monitor.Warn.Shards;

/// <summary>
/// The warn stage in shards. Prepare (owner): reads the catalogue, observations, one-step forecasts and indicator sets,
/// writes the run's context (settings, sets, catalogue, the composites' observations) and each series with data into
/// the shard of a stable hash of its id. Compute (anywhere): the per-series work (interval and level-shift anomalies,
/// seasonal scores, lights). Merge (owner): in the caller's transaction, the work that needs every series at once on
/// the shards' outcomes in catalogue order (cross-section outliers, seasonal spikes judged among a dataset's series,
/// the composites, the alerts), then writes every warn table. Outcomes are merged in catalogue order whatever the
/// split, so any shard count writes the same rows. One shard in-process is the embedded default.
/// </summary>
public sealed class WarnShardStage(MonitorStore store, WarnInputReader reader, IOptions<WarnOptions> options, TimeProvider clock) : IShardedStage
{
    public string Key => JobKeys.Warn;

    /// <summary>The inputs as known at <paramref name="asOf"/> (null = now) and the computation with the indicator sets in force.</summary>
    public (WarnInputs Inputs, WarnComputation Computation, IReadOnlyList<IndicatorSet> Sets) Load(DateTime? asOf = null)
    {
        var sets = new IndicatorSetStore(store, options, clock).Current();
        return (reader.Read(asOf), new WarnComputation(options.Value, sets), sets);
    }

    public StagePreparation Prepare(ShardRun run, CancellationToken cancellationToken)
    {
        var (inputs, computation, sets) = Load();
        var settings = options.Value;
        var composites = new CompositeAnalysis(settings).InputSeries();
        new WarnShardContext(settings, [.. sets], clock.GetUtcNow().UtcDateTime, [.. inputs.Catalogue],
            inputs.Observations.Where(o => composites.Contains(o.Key)).ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal)).Write(run);
        var shards = Enumerable.Range(0, run.ShardCount).Select(_ => new List<WarnShardSeries>()).ToArray();
        var (catalogue, _) = computation.Directed(inputs.Catalogue);
        for (var order = 0; order < catalogue.Count; order++)
        {
            var id = catalogue[order].SeriesId;
            if (!inputs.Observations.TryGetValue(id, out var observations) || observations.Count == 0) continue;
            shards[ShardHash.ShardOf(id, run.ShardCount)].Add(new WarnShardSeries(order, observations, inputs.OneStepForecasts.GetValueOrDefault(id)));
        }
        for (var shard = 0; shard < run.ShardCount; shard++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WarnShardInput.Write(run, shard, shards[shard]);
        }
        return new StagePreparation(true, $"warn: {shards.Sum(s => s.Count)} of {catalogue.Count} series with data");
    }

    public void Compute(ShardRun run, int shard, CancellationToken cancellationToken)
    {
        var context = WarnShardContext.Read(run);
        var computation = new WarnComputation(context.Options, context.Sets);
        // the catalogue rows with their directions, as the owner handed them out
        var (catalogue, _) = computation.Directed(context.Catalogue);
        var outcomes = new ConcurrentBag<SeriesOutcome>();
        // two threads, as the unsharded job used; the outcomes are sorted, so the thread count changes nothing written
        Parallel.ForEach(WarnShardInput.Read(run, shard), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, s =>
        {
            if (computation.Analyse(s.Order, catalogue[s.Order], s.Observations, s.OneStep) is { } outcome) outcomes.Add(outcome);
        });
        var sorted = outcomes.OrderBy(o => o.Order).ToList();
        WarnShardOutput.Write(run, shard, [.. sorted.Select(computation.Shipped)], computation.SeasonalTallies(sorted));
    }

    public string Merge(ShardRun run, DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var context = WarnShardContext.Read(run);
        var computation = new WarnComputation(context.Options, context.Sets);
        var (catalogue, economies) = computation.Directed(context.Catalogue);
        // the owner's serial share, by phase, in the summary (docs/scale.md)
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (outcomes, seasonalTallies) = WarnShardOutput.Read(run, computation, catalogue);
        var read = watch.Elapsed.TotalSeconds;
        var results = computation.Combine(catalogue, economies, outcomes, context.CompositeObservations, context.ComputedAt, seasonalTallies);
        var combined = watch.Elapsed.TotalSeconds;
        cancellationToken.ThrowIfCancellationRequested();
        var runId = MonitorStore.NextId(connection, "warn_run_seq");
        WarnWriter.WriteAnomalies(connection, null, results, runId, context.ComputedAt);
        WarnWriter.WriteLights(connection, null, results, context.Options.LightConfigVersion, context.ComputedAt);
        WarnWriter.WriteComposites(connection, null, results, context.ComputedAt);
        var events = new AlertStore(store, clock).Apply(connection, null, results.Alerts);
        return string.Create(CultureInfo.InvariantCulture,
            $"warn run {runId}: {catalogue.Count} series, {results.Anomalies.Count} anomalies ({results.FallbackSeries} series on the naive fallback), " +
            $"{results.Lights.Sum(l => l.Lights.Count)} lights, {results.Readings.Count} composite readings, {results.TurningPoints.Count} turning points, " +
            $"{results.Alerts.Count(a => a.Active)} active alert conditions, {events} alert events, from {run.ShardCount} shard(s) " +
            $"(merge: read {read:F1} s, combine {combined - read:F1} s, write {watch.Elapsed.TotalSeconds - combined:F1} s)");
    }

    public void Fail(ShardRun run, string reason)
    {
        // The stage has no run table of its own: scale_runs holds the reason, and the previous results stay in place.
    }
}
