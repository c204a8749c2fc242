namespace Monitor.Present.Charts;

/// <summary>
/// A path of estimates of one quantity made at successive dates (e.g. the nowcasts of a quarter as releases came in):
/// one segment per estimated period, each with its band and, once published, the outturn it was aiming at.
/// </summary>
public sealed record PathChartData(string Title, string? Unit, IReadOnlyList<PathSegment> Segments);

/// <summary>The estimates of one period (e.g. "2025Q4"), oldest first, and its published value when known.</summary>
public sealed record PathSegment(string Label, IReadOnlyList<PathPoint> Points, double? Outturn);

/// <summary>One estimate: when it was made, its value and its band (null when it has none).</summary>
public readonly record struct PathPoint(DateTime At, double Mean, double? Low, double? High);
