namespace Monitor.Warn.Alerts;

/// <summary>Alert rules (alerts.rule) and severities.</summary>
public static class AlertRules
{
    public const string LightRed = "light_red";
    public const string LightBlue = "light_blue";
    public const string LightJump = "light_jump";
    public const string Anomaly = "anomaly";
    public const string TurningPoint = "turning_point";
    public const string NoData = "no_data";
    public const string RecessionRisk = "recession_risk";

    public const string Info = "info";
    public const string Warning = "warning";
    public const string Critical = "critical";

    public static int Rank(string severity) => severity switch { Critical => 2, Warning => 1, _ => 0 };
}

/// <summary>
/// What a rule says about one condition now: whether it holds (after anti-flap and hysteresis), how severe it is, and the
/// bilingual text with its evidence. The dedup key names the condition (rule + series or index), so it never opens twice.
/// </summary>
public sealed record AlertCondition(
    string DedupKey,
    string Rule,
    string? SeriesId,
    DateOnly? Period,
    bool Active,
    string Severity,
    string? Colour,
    string Title,
    string TitleZh,
    string Message,
    string MessageZh,
    AlertGroupTag? Group = null);

/// <summary>
/// The group an alert is read in (alert_grouping): "data not arrived" by dataset, variants of an indicator by family,
/// composites by index; one economy per group. Weight = the indicator's weight in its economy's set.
/// </summary>
public sealed record AlertGroupTag(string Key, string Kind, string Economy, string Label, string? LabelZh, double Weight);

/// <summary>Anti-flap and hysteresis settings; bound from Warn:Alerts.</summary>
public sealed class AlertPolicy
{
    /// <summary>Open only when the condition held in at least K of the last M periods.</summary>
    public int K { get; set; } = 2;

    public int M { get; set; } = 3;

    /// <summary>A red (blue) light alert re-arms only once the light is back to green or colder (warmer): points ≤ this (≥ 6 − this).</summary>
    public int RearmPoints { get; set; } = 3;

    /// <summary>An extreme light that persisted this many periods is critical.</summary>
    public int CriticalAfterPeriods { get; set; } = 6;

    /// <summary>|score| at or above which an anomaly alert is a warning, and critical.</summary>
    public double AnomalyWarningScore { get; set; } = 3.0;

    public double AnomalyCriticalScore { get; set; } = 5.0;

    /// <summary>A turning point dated within this many periods of the latest reading raises an alert.</summary>
    public int TurningPointRecency { get; set; } = 12;

    /// <summary>Days after the end of a period by which its value is expected, per frequency code (else "no data").</summary>
    /// <summary>Weight (for priority = severity × weight) of an indicator outside its economy's set.</summary>
    public double OutsideSetWeight { get; set; } = 0.25;

    /// <summary>Weight of alerts on an economy's composites (预警指数, leading and coincident cycles).</summary>
    public double IndexWeight { get; set; } = 2.0;

    public Dictionary<string, int> ReleaseGraceDays { get; set; } = new() { ["D"] = 5, ["W"] = 14, ["M"] = 60, ["Q"] = 120, ["A"] = 240 };
}
