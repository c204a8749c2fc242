namespace Monitor.Nowcast.Data;

/// <summary>FRED-MD/QD transformation codes (McCracken–Ng): 1 level, 2 Δ, 3 Δ², 4 log, 5 100·Δlog, 6 100·Δ²log, 7 Δ(x/x₋₁ − 1).</summary>
public static class Transforms
{
    /// <summary>The series transformed to stationarity by <paramref name="code"/>; NaN where a needed value is missing or a log is undefined.</summary>
    public static double[] Apply(double[] x, int code)
    {
        var y = new double[x.Length];
        for (var t = 0; t < x.Length; t++)
        {
            y[t] = code switch
            {
                1 => x[t],
                2 => Diff(x, t),
                3 => Diff(x, t) - Diff(x, t - 1),
                4 => Log(x[t]),
                5 => 100 * (Log(At(x, t)) - Log(At(x, t - 1))),
                6 => 100 * (Log(At(x, t)) - (2 * Log(At(x, t - 1))) + Log(At(x, t - 2))),
                7 => Growth(x, t) - Growth(x, t - 1),
                _ => throw new ArgumentOutOfRangeException(nameof(code), code, "transformation code must be 1–7"),
            };
            if (!double.IsFinite(y[t])) y[t] = double.NaN;
        }
        return y;
    }

    private static double At(double[] x, int t) => t >= 0 ? x[t] : double.NaN;

    private static double Diff(double[] x, int t) => At(x, t) - At(x, t - 1);

    private static double Growth(double[] x, int t) => (At(x, t) / At(x, t - 1)) - 1;

    private static double Log(double v) => v > 0 ? Math.Log(v) : double.NaN;
}
