using System.Collections.Concurrent;
using Monitor.Warn.Numerics;

namespace Monitor.Warn.Job;

/// <summary>All of the warn stage's computation on inputs already in memory (no store): what the job and the benchmark run.</summary>
public sealed class WarnComputation(WarnOptions options)
{
    private readonly SeriesAnalysis _series = new(options);
    private readonly PanelAnalysis _panel = new(options);
    private readonly CompositeAnalysis _composites = new(options);
    private readonly AlertAnalysis _alerts = new(options);

    public WarnResults Run(WarnInputs inputs, DateTime nowUtc, int maxDegreeOfParallelism = 2)
    {
        var results = new WarnResults();
        var perSeries = new ConcurrentBag<(int Order, SeriesLights? Lights, List<Anomalies.AnomalyFinding> Findings, bool Fallback)>();
        Parallel.ForEach(inputs.Catalogue.Select((s, i) => (s, i)), new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, item =>
        {
            var (series, order) = item;
            if (!inputs.Observations.TryGetValue(series.SeriesId, out var observations) || observations.Count < 3) return;
            var values = RegularSeries.From(observations, series.Frequency);
            var (findings, fallback) = _series.Anomalies(series, values, inputs.OneStepForecasts.GetValueOrDefault(series.SeriesId));
            perSeries.Add((order, _series.Lights(series, values), findings, fallback));
        });
        foreach (var item in perSeries.OrderBy(p => p.Order))
        {
            results.Anomalies.AddRange(item.Findings);
            if (item.Lights is not null) results.Lights.Add(item.Lights);
            if (item.Fallback) results.FallbackSeries++;
        }
        results.Anomalies.AddRange(_panel.Detect(results.Lights));
        _composites.WarningIndexReadings(results.Lights, results);
        _composites.IndexReadings(inputs.Observations, results);
        _alerts.Evaluate(inputs, results, nowUtc);
        return results;
    }
}
