namespace Monitor.Forecast.Ensemble;

/// <summary>
/// A history made safe for the models: leading/trailing gaps trimmed, interior gaps interpolated, divided by its mean
/// absolute value (so huge or tiny magnitudes fit alike), with the reason a simple fallback must be used, if any.
/// </summary>
public sealed class PreparedSeries
{
    private PreparedSeries(SeriesInput input, double[] values, double scale, int? firstCyclePosition, string? fallbackReason, bool[]? observed = null)
    {
        Observed = observed ?? values.Select(_ => true).ToArray();
        Input = input;
        Values = values;
        Scale = scale;
        FirstCyclePosition = firstCyclePosition;
        FallbackReason = fallbackReason;
        NonNegative = values.All(v => v >= 0);
    }

    public SeriesInput Input { get; }

    /// <summary>The cleaned history divided by <see cref="Scale"/>.</summary>
    public double[] Values { get; }

    public double Scale { get; }

    /// <summary>Per value of <see cref="Values"/>: true when it was published, false when it was interpolated.</summary>
    public bool[] Observed { get; }

    /// <summary>
    /// Length of a history cut at <paramref name="cut"/> that does not end on an interpolated value: such a value was
    /// made from the next published one, which lies after the cut.
    /// </summary>
    public int CutWithoutLookAhead(int cut)
    {
        while (cut > 0 && !Observed[cut - 1]) cut--;
        return cut;
    }

    public int? FirstCyclePosition { get; }

    /// <summary>Why only the naive fallback can be used (too short, constant), or null.</summary>
    public string? FallbackReason { get; }

    /// <summary>True when no value is negative: forecasts and bounds are then clipped at 0.</summary>
    public bool NonNegative { get; }

    public static PreparedSeries From(SeriesInput input, int seasonLength)
    {
        var raw = input.History;
        var first = Array.FindIndex(raw, double.IsFinite);
        var last = Array.FindLastIndex(raw, double.IsFinite);
        if (first < 0) return new PreparedSeries(input, [], 1, input.FirstCyclePosition, "no finite values");
        var values = Interpolate(raw[first..(last + 1)]);
        var scale = values.Select(Math.Abs).Average();
        if (scale <= 0 || !double.IsFinite(scale)) scale = 1;
        var scaled = values.Select(v => v / scale).ToArray();
        int? cycle = input.FirstCyclePosition is { } p ? (p + first) % Math.Max(1, seasonLength) : null;
        string? reason = null;
        if (scaled.Length < 3) reason = $"only {scaled.Length} value(s): naive";
        else if (scaled.Max() - scaled.Min() <= 1e-12) reason = "constant series: naive";
        var observed = raw[first..(last + 1)].Select(double.IsFinite).ToArray();
        return new PreparedSeries(input, scaled, scale, cycle, reason, observed);
    }

    /// <summary>Linear interpolation of interior NaN values (the ends are finite).</summary>
    private static double[] Interpolate(double[] values)
    {
        var result = (double[])values.Clone();
        var previous = 0;
        for (var i = 1; i < result.Length; i++)
        {
            if (!double.IsFinite(result[i])) continue;
            for (var j = previous + 1; j < i; j++)
                result[j] = result[previous] + (result[i] - result[previous]) * (j - previous) / (i - previous);
            previous = i;
        }
        return result;
    }
}
