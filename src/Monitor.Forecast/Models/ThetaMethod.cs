namespace Monitor.Forecast.Models;

/// <summary>
/// The Theta method of Assimakopoulos &amp; Nikolopoulos (2000) in Hyndman &amp; Billah's form: SES forecasts plus a drift of
/// half the least-squares slope b, f(k) = ses + b/2 · (k − 1 + (1 − (1 − α)^n)/α).
/// </summary>
public static class ThetaMethod
{
    public static double[] Forecast(double[] y, int horizon) => Forecast(y, EtsFitter.Fit(y, new EtsSpec(false, TrendKind.None)), horizon);

    /// <summary>Theta forecasts from an SES fit of <paramref name="y"/> already made.</summary>
    public static double[] Forecast(double[] y, EtsFit fit, int horizon)
    {
        var n = y.Length;
        var slope = LeastSquaresSlope(y);
        var alpha = Math.Max(fit.Alpha, 1e-4);
        var offset = (1 - Math.Pow(1 - alpha, n)) / alpha;
        var result = new double[horizon];
        for (var k = 0; k < horizon; k++) result[k] = fit.Level + 0.5 * slope * (k + offset);
        return result;
    }

    /// <summary>Slope of y on t = 1..n.</summary>
    public static double LeastSquaresSlope(double[] y)
    {
        var n = y.Length;
        if (n < 2) return 0;
        var meanT = (n + 1) / 2.0;
        var meanY = y.Average();
        double num = 0, den = 0;
        for (var i = 0; i < n; i++)
        {
            var dt = i + 1 - meanT;
            num += dt * (y[i] - meanY);
            den += dt * dt;
        }
        return num / den;
    }
}
