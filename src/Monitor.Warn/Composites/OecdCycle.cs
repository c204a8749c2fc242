namespace Monitor.Warn.Composites;

/// <summary>
/// An OECD-style cycle from a positive index: logs, double Hodrick–Prescott filter (remove the trend with the 120-month
/// cut-off, smooth with the 12-month cut-off), normalisation (minus the mean, over the mean absolute deviation) and
/// amplitude adjustment to 100 + amplitude·normalised (amplitude 1 by default, or the reference series' amplitude).
/// </summary>
public static class OecdCycle
{
    public static readonly double TrendLambda = HodrickPrescottFilter.LambdaForCutoff(120);
    public static readonly double SmoothLambda = HodrickPrescottFilter.LambdaForCutoff(12);

    public static double[] Compute(IReadOnlyList<double> index, double amplitude = 1.0)
    {
        if (index.Count < 3) return index.Select(_ => 100.0).ToArray();
        var logs = index.Select(v => v > 0 ? Math.Log(v) : double.NaN).ToArray();
        if (logs.Any(v => !double.IsFinite(v))) logs = index.ToArray();
        var trend = HodrickPrescottFilter.Trend(logs, TrendLambda);
        var gap = logs.Select((v, i) => v - trend[i]).ToArray();
        var smooth = HodrickPrescottFilter.Trend(gap, SmoothLambda);
        return Normalise(smooth, amplitude);
    }

    /// <summary>100 + amplitude × (x − mean) / mean absolute deviation.</summary>
    public static double[] Normalise(IReadOnlyList<double> x, double amplitude = 1.0)
    {
        var mean = x.Average();
        var mad = x.Average(v => Math.Abs(v - mean));
        return x.Select(v => 100 + (mad > 0 ? amplitude * (v - mean) / mad : 0)).ToArray();
    }
}
