using System.Collections.Concurrent;
using Monitor.Core.Domain;
using Monitor.Warn.Anomalies;
using Monitor.Warn.Lights;
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

    /// <summary>A series' lights as a shard computed them (readings and metric), with the rule these settings give it (<see cref="SeriesAnalysis.Restore"/>).</summary>
    public SeriesLights Lights(SeriesInfo series, LightMetricKind metric, double[] metricValues, DateOnly metricStart, IReadOnlyList<LightReading> lights) =>
        _series.Restore(series, metric, metricValues, metricStart, lights);

    /// <summary>
    /// Per dataset and month, how many series were scored and how many beyond the common-shock level: what a common
    /// shock is judged on. The counts add up over shards, so a shard ships them instead of every score.
    /// </summary>
    public Dictionary<string, Dictionary<DateOnly, ShockTally>> SeasonalTallies(IEnumerable<SeriesOutcome> outcomes) =>
        outcomes.Where(o => o.Seasonal is not null).GroupBy(o => o.Series.Dataset, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => _spikes.Tally(g.SelectMany(o => o.Seasonal!.Scores)), StringComparer.Ordinal);

    /// <summary>An outcome as a shard ships it: of the seasonal scores only those that can be findings (the rest count only in <see cref="SeasonalTallies"/>).</summary>
    public SeriesOutcome Shipped(SeriesOutcome outcome) =>
        outcome.Seasonal is { } seasonal ? outcome with { Seasonal = seasonal with { Scores = [.. seasonal.Scores.Where(_spikes.Candidate)] } } : outcome;

    /// <summary>
    /// The work that needs every series at once, on the outcomes in catalogue order: cross-section outliers, seasonal
    /// spikes judged among a dataset's series, the composites and the alerts. <paramref name="observations"/> needs only
    /// the composites' series (<see cref="CompositeAnalysis.InputSeries"/>). <paramref name="seasonalTallies"/>: the common-shock
    /// counts of every series (<see cref="SeasonalTallies"/>, summed over shards); without them they are counted from the
    /// outcomes, which then must hold every seasonal score.
    /// </summary>
    public WarnResults Combine(IReadOnlyList<SeriesInfo> catalogue, EconomySets economies, IReadOnlyList<SeriesOutcome> outcomes,
        IReadOnlyDictionary<string, List<Observation>> observations, DateTime nowUtc, IReadOnlyDictionary<string, Dictionary<DateOnly, ShockTally>>? seasonalTallies = null)
    {
        seasonalTallies ??= SeasonalTallies(outcomes);
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
            results.Anomalies.AddRange(_spikes.Detect(dataset.Select(p => p.Seasonal!).ToList(), _spikes.Shocks(seasonalTallies.GetValueOrDefault(dataset.Key) ?? [])));
        _composites.WarningIndexReadings(results.Lights, economies, results);
        _composites.IndexReadings(observations, results);
        var latest = outcomes.ToDictionary(o => o.Series.SeriesId, o => o.Latest, StringComparer.Ordinal);
        _alerts.Evaluate(catalogue, latest, results, economies, nowUtc);
        return results;
    }
}

/// <summary>What <see cref="WarnComputation.Analyse"/> found for one series (what a warn shard sends to the owner).</summary>
public sealed record SeriesOutcome(int Order, SeriesInfo Series, DateOnly Latest, SeriesLights? Lights, List<AnomalyFinding> Findings, bool Fallback, SeasonalSeriesScores? Seasonal);
