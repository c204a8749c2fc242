namespace Monitor.Warn.Lights;

/// <summary>The five zones: points 1..5 ↔ blue 过冷, lightblue 趋冷, green 正常, yellow 趋热, red 过热.</summary>
public static class LightColours
{
    public static readonly IReadOnlyList<string> ByPoints = ["", "blue", "lightblue", "green", "yellow", "red"];
    public static readonly IReadOnlyList<string> ChineseByPoints = ["", "过冷", "趋冷", "正常", "趋热", "过热"];
    public static readonly IReadOnlyList<string> EnglishByPoints = ["", "too cold", "cooling", "normal", "warming", "overheating"];

    public static string Colour(int points) => ByPoints[Math.Clamp(points, 1, 5)];

    public static int Points(string colour) => colour switch
    {
        "blue" => 1,
        "lightblue" => 2,
        "green" => 3,
        "yellow" => 4,
        "red" => 5,
        _ => throw new ArgumentException($"unknown light colour '{colour}'", nameof(colour)),
    };
}

/// <summary>Four ascending check points that cut the metric axis into the five zones.</summary>
public sealed record CheckPoints(double C1, double C2, double C3, double C4)
{
    /// <summary>Points for a metric: below C1 → 1, below C2 → 2, up to C3 → 3, up to C4 → 4, above → 5; flipped (6 − p) for counter-cyclical indicators.</summary>
    public int Points(double metric, bool counterCyclical)
    {
        var points = metric < C1 ? 1 : metric < C2 ? 2 : metric <= C3 ? 3 : metric <= C4 ? 4 : 5;
        return counterCyclical ? 6 - points : points;
    }

    public bool IsAscending => C1 <= C2 && C2 <= C3 && C3 <= C4;

    public static CheckPoints Parse(IReadOnlyList<double> values) => values.Count == 4
        ? new CheckPoints(values[0], values[1], values[2], values[3])
        : throw new ArgumentException($"a light needs exactly four check points, got {values.Count}", nameof(values));
}
