using System.Globalization;
using Microsoft.Extensions.Options;
using Monitor.Core.Jobs;
using Monitor.Core.Store;
using Monitor.Warn.Alerts;

namespace Monitor.Warn.Job;

/// <summary>The warn stage: reads observations and one-step forecasts from the store, writes anomalies, lights, composites, turning points and alerts.</summary>
public sealed class WarnJob(MonitorStore store, WarnInputReader reader, IOptions<WarnOptions> options, TimeProvider clock) : IMonitorJob
{
    public string Key => JobKeys.Warn;

    public string Name => "Early warning: anomalies, signal lights, composites, alerts";

    /// <summary>Chained after the forecast stage; no schedule of its own.</summary>
    public string? DefaultCron => null;

    /// <summary>What the stage would have said at <paramref name="asOf"/>, from the data known then (<see cref="Core.RealTime.AsOf"/>); writes nothing.</summary>
    public string Preview(DateTime asOf)
    {
        var inputs = reader.Read(asOf);
        var results = new WarnComputation(options.Value, CurrentSets()).Run(inputs, asOf);
        var active = results.Alerts.Where(a => a.Active).ToList();
        var risk = results.RecessionRisk is { } r ? $"; recession risk ({r.IndexCode}, {r.Period:yyyy-MM}): {(r.Active ? $"on since {r.Since:yyyy-MM}" : "off")}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"warn as of {asOf:yyyy-MM-dd HH:mm}: {inputs.Observations.Count(o => o.Value.Count > 0)} series with data, {results.Anomalies.Count} anomalies, " +
            $"{results.TurningPoints.Count} turning points, {active.Count} active alert conditions{risk} (nothing written)");
    }

    public Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var phases = new List<string>();
        void Phase(string name)
        {
            phases.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {watch.Elapsed.TotalSeconds:F1}s"));
            watch.Restart();
        }
        var inputs = reader.Read();
        Phase("read");
        cancellationToken.ThrowIfCancellationRequested();
        var results = new WarnComputation(settings, CurrentSets()).Run(inputs, now);
        Phase("compute");
        cancellationToken.ThrowIfCancellationRequested();

        long runId;
        using (var connection = store.Open()) runId = MonitorStore.NextId(connection, "warn_run_seq");
        var writer = new WarnWriter(store);
        writer.WriteAnomalies(results, runId, now);
        Phase("anomalies");
        writer.WriteLights(results, settings.LightConfigVersion, now);
        Phase("lights");
        writer.WriteComposites(results, now);
        Phase("composites");
        var events = new AlertStore(store, clock).Apply(results.Alerts);
        Phase("alerts");

        var active = results.Alerts.Count(a => a.Active);
        return Task.FromResult(string.Create(CultureInfo.InvariantCulture,
            $"warn run {runId}: {inputs.Catalogue.Count} series, {results.Anomalies.Count} anomalies ({results.FallbackSeries} series on the naive fallback), " +
            $"{results.Lights.Sum(l => l.Lights.Count)} lights, {results.Readings.Count} composite readings, {results.TurningPoints.Count} turning points, " +
            $"{active} active alert conditions, {events} alert events ({string.Join(", ", phases)})"));
    }

    /// <summary>The indicator sets in force: configured or default, overlaid by versions saved by admins.</summary>
    private IReadOnlyList<Sets.IndicatorSet> CurrentSets() => new Sets.IndicatorSetStore(store, options, clock).Current();
}
