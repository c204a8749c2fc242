namespace Monitor.Warn.Lights;

/// <summary>
/// How one indicator's lights are set: default check points are percentiles of its own metric over an expanding window
/// (only periods before the one being lit), unless fixed check points override them.
/// </summary>
public sealed record LightRule(
    IReadOnlyList<double> Percentiles,
    int MinimumHistory,
    CheckPoints? Fixed = null,
    LightMetricKind? Metric = null,
    double Weight = 1.0)
{
    /// <summary>Defaults: the 10th, 25th, 75th and 90th percentiles of the history, after at least 36 periods of it.</summary>
    public static LightRule Default { get; } = new([10, 25, 75, 90], 36);
}

/// <summary>The light of one period: the metric, the check points used, the points and colour.</summary>
public sealed record LightReading(DateOnly Period, double Metric, CheckPoints CheckPoints, int Points)
{
    public string Colour => LightColours.Colour(Points);
}
