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
        return Normalise(Filter(logs), amplitude);
    }

    /// <summary>
    /// The cycle of a composite and each component's share of it. The log index is split exactly into per-component
    /// paths (each period's log change shared in proportion to the component's contribution to the change); the filters
    /// are linear, so the filtered, centred and scaled paths add up to cycle − 100.
    /// </summary>
    public static (double[] Cycle, Dictionary<string, double[]> Parts) ComputeWithParts(Composites.CompositeIndexResult composite, double amplitude = 1.0)
    {
        var n = composite.Index.Length;
        var logs = composite.Index.Select(v => Math.Log(v)).ToArray();
        var smooth = Filter(logs);
        var mean = smooth.Average();
        var mad = smooth.Average(v => Math.Abs(v - mean));
        var scale = mad > 0 ? amplitude / mad : 0;
        var cycle = smooth.Select(v => 100 + (scale * (v - mean))).ToArray();
        var parts = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (id, contribution) in composite.Contributions)
        {
            var path = new double[n];
            for (var t = 1; t < n; t++)
            {
                var c = composite.Change[t];
                var share = c == 0 ? 0 : contribution[t] / c;
                path[t] = path[t - 1] + (share * (logs[t] - logs[t - 1]));
            }
            var filtered = Filter(path);
            var partMean = filtered.Average();
            parts[id] = filtered.Select(v => scale * (v - partMean)).ToArray();
        }
        return (cycle, parts);
    }

    private static double[] Filter(double[] logs)
    {
        var trend = HodrickPrescottFilter.Trend(logs, TrendLambda);
        var gap = logs.Select((v, i) => v - trend[i]).ToArray();
        return HodrickPrescottFilter.Trend(gap, SmoothLambda);
    }

    /// <summary>100 + amplitude × (x − mean) / mean absolute deviation.</summary>
    public static double[] Normalise(IReadOnlyList<double> x, double amplitude = 1.0)
    {
        var mean = x.Average();
        var mad = x.Average(v => Math.Abs(v - mean));
        return x.Select(v => 100 + (mad > 0 ? amplitude * (v - mean) / mad : 0)).ToArray();
    }
}
