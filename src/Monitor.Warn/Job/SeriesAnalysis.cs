using Monitor.Core.Domain;
using Monitor.Warn.Anomalies;
using Monitor.Warn.Lights;
using Monitor.Warn.Numerics;

namespace Monitor.Warn.Job;

/// <summary>Per-series work: interval and level-shift anomalies against the one-step forecasts (or the fallback), and lights.</summary>
public sealed class SeriesAnalysis(WarnOptions options)
{
    private readonly CusumLevelShiftDetector _cusum = new(options.CusumAllowance, options.CusumDecisionLimit);
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

    /// <summary>Lights of one series (monthly and quarterly series only; others get none).</summary>
    public SeriesLights? Lights(SeriesInfo series, RegularSeries values)
    {
        if (series.Frequency is not (Frequency.Monthly or Frequency.Quarterly) || values.Count == 0) return null;
        var rule = RuleFor(series.SeriesId);
        var metric = rule.Metric ?? LightMetric.DefaultKind(series, values);
        rule = rule with { Metric = metric };
        var lights = SignalLightCalculator.Compute(values, series.CounterCyclical, rule);
        return new SeriesLights(series, rule, metric, LightMetric.Compute(values, metric), values.Start, lights);
    }

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
