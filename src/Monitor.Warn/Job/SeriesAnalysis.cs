using Monitor.Core.Domain;
using Monitor.Warn.Anomalies;
using Monitor.Warn.Lights;
using Monitor.Warn.Numerics;

namespace Monitor.Warn.Job;

/// <summary>Per-series work: interval and level-shift anomalies against the one-step forecasts (or the fallback), seasonal scores, and lights.</summary>
public sealed class SeriesAnalysis(WarnOptions options)
{
    private readonly CusumLevelShiftDetector _cusum = new(options.CusumAllowance, options.CusumDecisionLimit);
    private readonly SeasonalBaseline _seasonal = new(options.Seasonal);
    private readonly Dictionary<string, LightOverride> _overrides = options.LightOverrides
        .Where(o => o.SeriesId.Length > 0).ToDictionary(o => o.SeriesId, StringComparer.Ordinal);

    /// <summary>Anomalies of one series and whether the fallback baseline was used.</summary>
    public (List<AnomalyFinding> Findings, bool Fallback) Anomalies(SeriesInfo series, RegularSeries values, IReadOnlyList<OneStepForecast>? stored)
    {
        var fallback = stored is null || stored.Count == 0;
        var forecasts = fallback ? NaiveOneStepBaseline.Compute(values) : stored!;
        var findings = IntervalAnomalyDetector.Detect(series.SeriesId, forecasts, fallback).ToList();
        findings.AddRange(_cusum.Detect(series.SeriesId, forecasts));
        return (findings, fallback);
    }

    /// <summary>Seasonal scores of a monthly series, flagged later with its dataset's peers (null: other frequencies, or the detector is off).</summary>
    public SeasonalSeriesScores? Seasonal(SeriesInfo series, RegularSeries values)
    {
        if (!options.Seasonal.Enabled || series.Frequency != Frequency.Monthly) return null;
        var festival = options.Seasonal.FollowsSpringFestival(series.Economy);
        return new SeasonalSeriesScores(series.SeriesId, festival, _seasonal.Score(values, festival));
    }

    /// <summary>Lights of one series (monthly and quarterly series only; others get none, for <see cref="LightsSkipReason"/>).</summary>
    public SeriesLights? Lights(SeriesInfo series, RegularSeries values)
    {
        if (LightsSkipReason(series.Frequency) is not null || values.Count == 0) return null;
        var rule = RuleFor(series.SeriesId);
        var metric = rule.Metric ?? LightMetric.DefaultKind(series, values);
        rule = rule with { Metric = metric };
        var lights = SignalLightCalculator.Compute(values, series.CounterCyclical, rule);
        return new SeriesLights(series, rule, metric, LightMetric.Compute(values, metric), values.Start, lights);
    }

    /// <summary>Lights computed elsewhere (a shard) with the rule these settings give the series and its metric, as <see cref="Lights"/> made them.</summary>
    public SeriesLights Restore(SeriesInfo series, LightMetricKind metric, double[] metricValues, DateOnly metricStart, IReadOnlyList<LightReading> lights) =>
        new(series, RuleFor(series.SeriesId) with { Metric = metric }, metric, metricValues, metricStart, lights);

    /// <summary>
    /// Why a series of this frequency gets no signal lights (the pages show it), or null when it gets them. The light
    /// rules (year-on-year change, percentile check points) are calibrated on monthly and quarterly data.
    /// </summary>
    public static string? LightsSkipReason(Frequency frequency) => frequency switch
    {
        Frequency.Monthly or Frequency.Quarterly => null,
        _ => $"no signal lights for {frequency.Code()} series: lights are computed for monthly and quarterly series only (aggregate to months to get them)",
    };

    public LightRule RuleFor(string seriesId)
    {
        var rule = new LightRule(options.EffectivePercentiles, options.MinimumLightHistory);
        if (!_overrides.TryGetValue(seriesId, out var o)) return rule;
        if (o.CheckPoints.Count == 4) rule = rule with { Fixed = CheckPoints.Parse(o.CheckPoints) };
        if (o.Metric is { } m && Enum.TryParse<LightMetricKind>(m, ignoreCase: true, out var kind)) rule = rule with { Metric = kind };
        if (o.Weight is { } w) rule = rule with { Weight = w };
        return rule;
    }
}
