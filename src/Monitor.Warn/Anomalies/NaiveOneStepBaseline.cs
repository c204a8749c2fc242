using Monitor.Warn.Numerics;

namespace Monitor.Warn.Anomalies;

/// <summary>
/// The fallback one-step forecast used when the forecast stage has written none for a series: random walk with the
/// median drift of the last 24 changes, σ from the MAD of the last 60 one-step errors (re-estimated every 6 periods, which
/// keeps 10,000 series inside the time budget). Each forecast uses only earlier data.
/// </summary>
public static class NaiveOneStepBaseline
{
    public const string ModelName = "naive-drift (warn fallback)";
    private const int DriftWindow = 24;
    private const int ErrorWindow = 60;
    private const int MinErrors = 12;
    private const int SigmaRefresh = 6;

    public static IReadOnlyList<OneStepForecast> Compute(RegularSeries series)
    {
        var x = series.Values;
        var result = new List<OneStepForecast>();
        var errors = new List<double>();
        var changes = new List<double>();
        var scratch = new double[ErrorWindow];
        var sigma = double.NaN;
        var sigmaAge = SigmaRefresh;
        for (var t = 1; t < x.Length; t++)
        {
            if (double.IsNaN(x[t]) || double.IsNaN(x[t - 1])) continue;
            var drift = changes.Count == 0 ? 0 : Robust.MedianOfTail(changes, DriftWindow, scratch);
            var expected = x[t - 1] + drift;
            if (errors.Count >= MinErrors)
            {
                if (sigmaAge++ >= SigmaRefresh || double.IsNaN(sigma))
                {
                    sigma = Robust.SpreadOfTail(errors, ErrorWindow, scratch).Sigma;
                    sigmaAge = 1;
                }
                sigma = Math.Max(sigma, 1e-9 * Math.Max(1, Math.Abs(expected)));
                result.Add(new OneStepForecast(series.PeriodAt(t), expected,
                    expected - (1.281552 * sigma), expected + (1.281552 * sigma),
                    expected - (1.959964 * sigma), expected + (1.959964 * sigma), x[t], ModelName));
            }
            errors.Add(x[t] - expected);
            changes.Add(x[t] - x[t - 1]);
        }
        return result;
    }
}
