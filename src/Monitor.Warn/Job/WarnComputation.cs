using System.Collections.Concurrent;
using Monitor.Warn.Numerics;
using Monitor.Warn.Sets;

namespace Monitor.Warn.Job;

/// <summary>
/// All of the warn stage's computation on inputs already in memory (no store): what the job and the benchmark run.
/// <paramref name="sets"/>: the indicator sets in force (default: the configured ones); they give directions, the
/// 预警指数 members and weights of each economy, and the alert weights.
/// </summary>
public sealed class WarnComputation(WarnOptions options, IReadOnlyList<IndicatorSet>? sets = null)
{
    private readonly IReadOnlyList<IndicatorSet> _sets = sets ?? (options.IndicatorSets.Count > 0 ? options.IndicatorSets : DefaultIndicatorSets.All);
    private readonly SeriesAnalysis _series = new(options);
    private readonly PanelAnalysis _panel = new(options);
    private readonly Anomalies.SeasonalSpikeDetector _spikes = new(options.Seasonal);
    private readonly CompositeAnalysis _composites = new(options);
    private readonly AlertAnalysis _alerts = new(options);

    public WarnResults Run(WarnInputs inputs, DateTime nowUtc, int maxDegreeOfParallelism = 2)
    {
        var economies = EconomySets.Resolve(_sets, inputs.Catalogue);
        inputs = inputs with { Catalogue = WithSetDirections(inputs.Catalogue, economies) };
        var results = new WarnResults();
        var perSeries = new ConcurrentBag<(int Order, SeriesLights? Lights, List<Anomalies.AnomalyFinding> Findings, bool Fallback, Anomalies.SeasonalSeriesScores? Seasonal)>();
        Parallel.ForEach(inputs.Catalogue.Select((s, i) => (s, i)), new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, item =>
        {
            var (series, order) = item;
            if (!inputs.Observations.TryGetValue(series.SeriesId, out var observations) || observations.Count < 3) return;
            var values = RegularSeries.From(observations, series.Frequency);
            var (findings, fallback) = _series.Anomalies(series, values, inputs.OneStepForecasts.GetValueOrDefault(series.SeriesId));
            perSeries.Add((order, _series.Lights(series, values), findings, fallback, _series.Seasonal(series, values)));
        });
        var ordered = perSeries.OrderBy(p => p.Order).ToList();
        foreach (var item in ordered)
        {
            results.Anomalies.AddRange(item.Findings);
            if (item.Lights is not null) results.Lights.Add(item.Lights);
            if (item.Fallback) results.FallbackSeries++;
        }
        results.Anomalies.AddRange(_panel.Detect(results.Lights));
        // a common shock is judged among the series of one dataset
        foreach (var dataset in ordered.Where(p => p.Seasonal is not null).GroupBy(p => inputs.Catalogue[p.Order].Dataset, StringComparer.Ordinal))
            results.Anomalies.AddRange(_spikes.Detect(dataset.Select(p => p.Seasonal!).ToList()));
        _composites.WarningIndexReadings(results.Lights, economies, results);
        _composites.IndexReadings(inputs.Observations, results);
        _alerts.Evaluate(inputs, results, economies, nowUtc);
        return results;
    }

    /// <summary>A set member's direction is the set's (the catalogue flag is only the default).</summary>
    private static List<Core.Domain.SeriesInfo> WithSetDirections(IReadOnlyList<Core.Domain.SeriesInfo> catalogue, EconomySets economies) =>
        catalogue.Select(s => economies.Membership(s.SeriesId) is { Preferred: true } m && m.Member.CounterCyclical != s.CounterCyclical
            ? s with { CounterCyclical = m.Member.CounterCyclical } : s).ToList();
}
