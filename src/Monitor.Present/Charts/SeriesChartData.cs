using Monitor.Core.Domain;

namespace Monitor.Present.Charts;

/// <summary>Everything one series chart draws: the history, the forecast fan of one run and the flagged anomalies.</summary>
public sealed record SeriesChartData(
    SeriesInfo? Series,
    IReadOnlyList<Observation> History,
    IReadOnlyList<ForecastPoint> Forecast,
    IReadOnlyList<AnomalyMark> Anomalies);

/// <summary>One forecast step with its 80 % and 95 % bounds (null when the model gave none).</summary>
public readonly record struct ForecastPoint(DateOnly Period, double Point, double? Lo80, double? Hi80, double? Lo95, double? Hi95);

/// <summary>A flagged period and its kind ('interval', 'level_shift', 'cross_section', 'seasonal').</summary>
public readonly record struct AnomalyMark(DateOnly Period, double? Actual, string Kind);

/// <summary>What a rendered chart depends on: when any of it changes, the cached chart is stale.</summary>
public readonly record struct ChartStamp(DateTime? Vintage, long? ForecastRun, DateTime? AnomaliesAt);
