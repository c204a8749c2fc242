namespace Monitor.Nowcast.Model;

/// <summary>
/// Slowly moving means taken out of a panel before the factor model sees it, so a drift in trend growth (US GDP grew
/// about 3½% a year before 2000 and about 2% after) does not bias every nowcast. Each mean is one-sided: at row t it
/// averages the values present in the window ending at t, so it uses nothing a forecaster would not have had.
/// </summary>
public static class LocalMeans
{
    /// <summary>
    /// Subtracts trailing means in place: indicators (every column but the last) over <paramref name="indicatorMonths"/>,
    /// the target (last column) over <paramref name="targetMonths"/>; 0 leaves a column alone. Returns the target's mean at
    /// the last row, to add back to a nowcast of that row.
    /// </summary>
    public static double Remove(double[][] data, int indicatorMonths, int targetMonths)
    {
        var columns = data.Length == 0 ? 0 : data[0].Length;
        var targetMean = 0.0;
        for (var c = 0; c < columns; c++)
        {
            var window = c == columns - 1 ? targetMonths : indicatorMonths;
            if (window <= 0) continue;
            var means = Trailing(data.Select(r => r[c]).ToArray(), window);
            for (var t = 0; t < data.Length; t++) data[t][c] -= means[t];
            if (c == columns - 1) targetMean = means[^1];
        }
        return targetMean;
    }

    /// <summary>At each t, the mean of the values present in (t − window, t]; where none are, the last such mean (the first one before any).</summary>
    public static double[] Trailing(double[] x, int window)
    {
        var result = new double[x.Length];
        double sum = 0;
        var count = 0;
        var last = double.NaN;
        for (var t = 0; t < x.Length; t++)
        {
            if (double.IsFinite(x[t])) { sum += x[t]; count++; }
            var leaving = t - window;
            if (leaving >= 0 && double.IsFinite(x[leaving])) { sum -= x[leaving]; count--; }
            if (count > 0) last = sum / count;
            result[t] = last;
        }
        var first = result.FirstOrDefault(double.IsFinite);
        for (var t = 0; t < x.Length && !double.IsFinite(result[t]); t++) result[t] = first;
        return result;
    }
}
