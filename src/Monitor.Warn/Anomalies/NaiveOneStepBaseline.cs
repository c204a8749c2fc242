using Monitor.Warn.Numerics;

namespace Monitor.Warn.Anomalies;

/// <summary>
/// The fallback one-step forecast used when the forecast stage has written none for a series: random walk with the
/// median drift of the last 24 changes, σ from the MAD of the last 60 one-step errors. Each forecast uses only earlier data.
/// </summary>
public static class NaiveOneStepBaseline
{
    public const string ModelName = "naive-drift (warn fallback)";
    private const int DriftWindow = 24;
    private const int ErrorWindow = 60;
    private const int MinErrors = 12;

    public static IReadOnlyList<OneStepForecast> Compute(RegularSeries series)
    {
        var x = series.Values;
        var result = new List<OneStepForecast>();
        var errors = new List<double>();
        var changes = new List<double>();
        for (var t = 1; t < x.Length; t++)
        {
            if (double.IsNaN(x[t]) || double.IsNaN(x[t - 1])) continue;
            var drift = changes.Count == 0 ? 0 : Robust.Median(changes.TakeLast(DriftWindow).ToList());
            var expected = x[t - 1] + drift;
            if (errors.Count >= MinErrors)
            {
                var recent = errors.TakeLast(ErrorWindow).ToList();
                var sigma = Math.Max(Robust.Scale(recent, Robust.Median(recent)), 1e-9 * Math.Max(1, Math.Abs(expected)));
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
