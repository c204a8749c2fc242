namespace Monitor.Forecast.Models;

/// <summary>
/// The M4 organisers' seasonality handling: a 90 % ACF test at lag m, and classical multiplicative decomposition
/// (R <c>decompose(type = "multiplicative")</c>) whose indices deseasonalise a history and reseasonalise its forecasts.
/// </summary>
public static class Seasonality
{
    /// <summary>True when m &gt; 1, n ≥ 3m and |r_m| &gt; 1.645·sqrt((1 + 2·Σ_{k&lt;m} r_k²)/n).</summary>
    public static bool IsSeasonal(double[] x, int m)
    {
        var n = x.Length;
        if (m <= 1 || n < 3 * m) return false;
        var acf = Autocorrelations(x, m);
        var sum = 0.0;
        for (var k = 1; k < m; k++) sum += acf[k] * acf[k];
        var limit = 1.645 * Math.Sqrt((1 + 2 * sum) / n);
        return Math.Abs(acf[m]) > limit;
    }

    /// <summary>Sample autocorrelations r_0..r_maxLag (denominator n, as R's acf).</summary>
    public static double[] Autocorrelations(double[] x, int maxLag)
    {
        var n = x.Length;
        var mean = x.Average();
        var denominator = 0.0;
        for (var i = 0; i < n; i++) denominator += (x[i] - mean) * (x[i] - mean);
        var result = new double[maxLag + 1];
        for (var k = 0; k <= maxLag; k++)
        {
            var numerator = 0.0;
            for (var i = k; i < n; i++) numerator += (x[i] - mean) * (x[i - k] - mean);
            result[k] = denominator > 0 ? numerator / denominator : 0;
        }
        return result;
    }

    /// <summary>Classical multiplicative seasonal figure: index j applies to positions i with i mod m = j (from the first value).</summary>
    public static double[] MultiplicativeIndices(double[] x, int m)
    {
        var n = x.Length;
        var trend = CentredMovingAverage(x, m);
        var sums = new double[m];
        var counts = new int[m];
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(trend[i])) continue;
            sums[i % m] += x[i] / trend[i];
            counts[i % m]++;
        }
        var figure = new double[m];
        for (var j = 0; j < m; j++) figure[j] = counts[j] > 0 ? sums[j] / counts[j] : 1;
        var mean = figure.Average();
        for (var j = 0; j < m; j++) figure[j] /= mean;
        return figure;
    }

    /// <summary>R's <c>filter</c> trend of decompose: a centred m-term (2×m for even m) moving average; NaN at the ends.</summary>
    public static double[] CentredMovingAverage(double[] x, int m)
    {
        var n = x.Length;
        var weights = new double[m % 2 == 0 ? m + 1 : m];
        if (m % 2 == 0)
        {
            for (var i = 0; i < weights.Length; i++) weights[i] = 1.0 / m;
            weights[0] = weights[^1] = 0.5 / m;
        }
        else
        {
            for (var i = 0; i < weights.Length; i++) weights[i] = 1.0 / m;
        }
        var half = weights.Length / 2;
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (i - half < 0 || i + half >= n) { result[i] = double.NaN; continue; }
            var s = 0.0;
            for (var k = 0; k < weights.Length; k++) s += weights[k] * x[i - half + k];
            result[i] = s;
        }
        return result;
    }

    /// <summary>Tests and, when seasonal (and strictly positive), returns the indices; otherwise null.</summary>
    public static double[]? DetectIndices(double[] x, int m)
    {
        if (m <= 1 || !IsSeasonal(x, m)) return null;
        for (var i = 0; i < x.Length; i++) if (x[i] <= 0) return null;
        return MultiplicativeIndices(x, m);
    }

    /// <summary>Divides the history by its indices.</summary>
    public static double[] Adjust(double[] x, double[]? indices)
    {
        if (indices is null) return x;
        var result = new double[x.Length];
        for (var i = 0; i < x.Length; i++) result[i] = x[i] / indices[i % indices.Length];
        return result;
    }

    /// <summary>Multiplies forecasts of steps 1..h after a history of length n by the indices that continue the cycle.</summary>
    public static double[] Reseasonalise(double[] forecast, int n, double[]? indices)
    {
        if (indices is null) return forecast;
        var result = new double[forecast.Length];
        for (var k = 0; k < forecast.Length; k++) result[k] = forecast[k] * indices[(n + k) % indices.Length];
        return result;
    }
}
