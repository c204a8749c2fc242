namespace Monitor.Warn.Numerics;

/// <summary>Order statistics shared by every detector: median, MAD scale, mean absolute value, percentiles.</summary>
public static class Robust
{
    /// <summary>Scale factor that makes the median absolute deviation estimate σ under normality.</summary>
    public const double MadToSigma = 1.4826;

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return MedianOfSorted(sorted);
    }

    public static double MedianOfSorted(ReadOnlySpan<double> sorted)
    {
        var n = sorted.Length;
        if (n == 0) return double.NaN;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[(n / 2) - 1] + sorted[n / 2]);
    }

    /// <summary>
    /// Median of the last <paramref name="window"/> values, sorted in the caller's scratch buffer: the one-step detectors
    /// ask this for every month of every series, so it allocates nothing.
    /// </summary>
    public static double MedianOfTail(List<double> values, int window, double[] scratch)
    {
        var n = Math.Min(window, values.Count);
        var span = scratch.AsSpan(0, n);
        values.CopyTo(values.Count - n, scratch, 0, n);
        span.Sort();
        return MedianOfSorted(span);
    }

    /// <summary>Median and σ (as <see cref="Scale"/>) of the last <paramref name="window"/> values, in the caller's scratch buffer.</summary>
    public static (double Centre, double Sigma) SpreadOfTail(List<double> values, int window, double[] scratch)
    {
        var n = Math.Min(window, values.Count);
        var centre = MedianOfTail(values, window, scratch);
        var span = scratch.AsSpan(0, n);
        double sum = 0;
        for (var i = 0; i < n; i++) sum += span[i] = Math.Abs(values[values.Count - n + i] - centre);
        span.Sort();
        var mad = MedianOfSorted(span) * MadToSigma;
        return (centre, mad > 0 ? mad : sum / n * 1.2533);
    }

    /// <summary>σ estimated as 1.4826 × MAD; falls back to 1.2533 × mean absolute deviation when more than half the values tie.</summary>
    public static double Scale(IReadOnlyList<double> values, double centre)
    {
        if (values.Count == 0) return double.NaN;
        var deviations = values.Select(v => Math.Abs(v - centre)).ToArray();
        var mad = Median(deviations) * MadToSigma;
        return mad > 0 ? mad : deviations.Average() * 1.2533;
    }

    /// <summary>Linear-interpolated percentile (0..100) of already sorted values (type 7, as in R and NumPy).</summary>
    public static double PercentileOfSorted(IReadOnlyList<double> sorted, double percent)
    {
        var n = sorted.Count;
        if (n == 0) return double.NaN;
        var h = (n - 1) * percent / 100.0;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, n - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>Inserts <paramref name="value"/> into an ascending list, keeping it sorted (expanding-window percentiles).</summary>
    public static void InsertSorted(List<double> sorted, double value)
    {
        var index = sorted.BinarySearch(value);
        sorted.Insert(index < 0 ? ~index : index, value);
    }
}
