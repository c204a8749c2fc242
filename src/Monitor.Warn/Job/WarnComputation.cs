using System.Collections.Concurrent;
using Monitor.Core.Domain;
using Monitor.Warn.Anomalies;
using Monitor.Warn.Numerics;
using Monitor.Warn.Sets;

namespace Monitor.Warn.Job;

/// <summary>
/// All of the warn stage's computation on inputs already in memory (no store), in two steps: <see cref="Analyse"/> one
/// series at a time (what a shard runs), then <see cref="Combine"/> every series' outcome (what the owner's merge runs).
/// <see cref="Run"/> does both in one process (the preview and the benchmark). <paramref name="sets"/>: the indicator
/// sets in force (default: the configured ones); they give directions, the 预警指数 members and weights of each economy,
/// and the alert weights.
/// </summary>
public sealed class WarnComputation(WarnOptions options, IReadOnlyList<IndicatorSet>? sets = null)
{
    private readonly IReadOnlyList<IndicatorSet> _sets = sets ?? (options.IndicatorSets.Count > 0 ? options.IndicatorSets : DefaultIndicatorSets.All);
    private readonly SeriesAnalysis _series = new(options);
    private readonly PanelAnalysis _panel = new(options);
    private readonly SeasonalSpikeDetector _spikes = new(options.Seasonal);
    private readonly CompositeAnalysis _composites = new(options);
    private readonly AlertAnalysis _alerts = new(options);

    public WarnResults Run(WarnInputs inputs, DateTime nowUtc, int maxDegreeOfParallelism = 2)
    {
        var (catalogue, economies) = Directed(inputs.Catalogue);
        var outcomes = new ConcurrentBag<SeriesOutcome>();
        Parallel.ForEach(catalogue.Select((s, i) => (s, i)), new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, item =>
        {
            var (series, order) = item;
            if (Analyse(order, series, inputs.Observations.GetValueOrDefault(series.SeriesId), inputs.OneStepForecasts.GetValueOrDefault(series.SeriesId)) is { } outcome)
                outcomes.Add(outcome);
        });
        return Combine(catalogue, economies, outcomes.OrderBy(o => o.Order).ToList(), inputs.Observations, nowUtc);
    }

    /// <summary>The catalogue with each set member's direction (the catalogue flag is only the default), and the economies' sets.</summary>
    public (IReadOnlyList<SeriesInfo> Catalogue, EconomySets Economies) Directed(IReadOnlyList<SeriesInfo> catalogue)
    {
        var economies = EconomySets.Resolve(_sets, catalogue);
        var directed = catalogue.Select(s => economies.Membership(s.SeriesId) is { Preferred: true } m && m.Member.CounterCyclical != s.CounterCyclical
            ? s with { CounterCyclical = m.Member.CounterCyclical } : s).ToList();
        return (directed, economies);
    }

    /// <summary>
    /// The per-series work of the series at <paramref name="order"/> in the catalogue: anomalies, lights, seasonal scores
    /// (from three observations on). Null without any observation; with one or two, only its latest period (for alerts).
    /// </summary>
    public SeriesOutcome? Analyse(int order, SeriesInfo series, List<Observation>? observations, IReadOnlyList<OneStepForecast>? oneStep)
    {
        if (observations is null || observations.Count == 0) return null;
        var latest = observations[^1].Period;
        if (observations.Count < 3) return new SeriesOutcome(order, series, latest, null, [], false, null);
        var values = RegularSeries.From(observations, series.Frequency);
        var (findings, fallback) = _series.Anomalies(series, values, oneStep);
        return new SeriesOutcome(order, series, latest, _series.Lights(series, values), findings, fallback, _series.Seasonal(series, values));
    }

    /// <summary>
    /// The work that needs every series at once, on the outcomes in catalogue order: cross-section outliers, seasonal
    /// spikes judged among a dataset's series, the composites and the alerts. <paramref name="observations"/> needs only
    /// the composites' series (<see cref="CompositeAnalysis.InputSeries"/>).
    /// </summary>
    public WarnResults Combine(IReadOnlyList<SeriesInfo> catalogue, EconomySets economies, IReadOnlyList<SeriesOutcome> outcomes,
        IReadOnlyDictionary<string, List<Observation>> observations, DateTime nowUtc)
    {
        var results = new WarnResults();
        foreach (var item in outcomes)
        {
            results.Anomalies.AddRange(item.Findings);
            if (item.Lights is not null) results.Lights.Add(item.Lights);
            if (item.Fallback) results.FallbackSeries++;
        }
        results.Anomalies.AddRange(_panel.Detect(results.Lights));
        // a common shock is judged among the series of one dataset
        foreach (var dataset in outcomes.Where(p => p.Seasonal is not null).GroupBy(p => p.Series.Dataset, StringComparer.Ordinal))
            results.Anomalies.AddRange(_spikes.Detect(dataset.Select(p => p.Seasonal!).ToList()));
        _composites.WarningIndexReadings(results.Lights, economies, results);
        _composites.IndexReadings(observations, results);
        var latest = outcomes.ToDictionary(o => o.Series.SeriesId, o => o.Latest, StringComparer.Ordinal);
        _alerts.Evaluate(catalogue, latest, results, economies, nowUtc);
        return results;
    }
}

/// <summary>What <see cref="WarnComputation.Analyse"/> found for one series (what a warn shard sends to the owner).</summary>
public sealed record SeriesOutcome(int Order, SeriesInfo Series, DateOnly Latest, SeriesLights? Lights, List<AnomalyFinding> Findings, bool Fallback, SeasonalSeriesScores? Seasonal);
