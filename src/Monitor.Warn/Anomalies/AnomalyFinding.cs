namespace Monitor.Warn.Anomalies;

/// <summary>The anomaly kinds stored in anomalies.kind.</summary>
public static class AnomalyKinds
{
    public const string Interval = "interval";
    public const string LevelShift = "level_shift";
    public const string CrossSection = "cross_section";
    public const string Seasonal = "seasonal";

    /// <summary>Every kind, in the order alerts and filters list them.</summary>
    public static readonly IReadOnlyList<string> All = [Interval, LevelShift, CrossSection, Seasonal];
}

/// <summary>One flagged observation: kind, score (standardised), the evidence (actual, expected, interval) and why, in English and Chinese.</summary>
public sealed record AnomalyFinding(
    string SeriesId,
    DateOnly Period,
    string Kind,
    double Score,
    double? Actual,
    double? Expected,
    double? Lo,
    double? Hi,
    string Explanation,
    string ExplanationZh);

/// <summary>A one-step-ahead forecast of a period with its 80 % / 95 % bounds and the value that came in.</summary>
public sealed record OneStepForecast(DateOnly Period, double Expected, double? Lo80, double? Hi80, double? Lo95, double? Hi95, double Actual, string Model)
{
    /// <summary>σ implied by the widest interval given (95 % first, else 80 %); NaN when there is none.</summary>
    public double ImpliedSigma => Lo95 is { } l95 && Hi95 is { } h95 && h95 > l95
        ? (h95 - l95) / (2 * 1.959964)
        : Lo80 is { } l80 && Hi80 is { } h80 && h80 > l80 ? (h80 - l80) / (2 * 1.281552) : double.NaN;

    public double StandardisedResidual => (Actual - Expected) / ImpliedSigma;
}
