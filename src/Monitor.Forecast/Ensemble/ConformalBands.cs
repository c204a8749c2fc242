namespace Monitor.Forecast.Ensemble;

/// <summary>
/// Split-conformal bands per horizon step from scale-free rolling-origin residuals z = (actual − forecast) / s, where s
/// is the in-sample MAE of the seasonal naive on the history before the origin. A bound is forecast + q(z) · s.
/// </summary>
public sealed class ConformalBands
{
    /// <summary>Below this many residuals at a step, the step borrows from all steps (rescaled by √step).</summary>
    public const int MinimumPerStep = 30;

    private ConformalBands(double[][] quantiles, int residualCount)
    {
        Quantiles = quantiles;
        ResidualCount = residualCount;
    }

    /// <summary>Per step: q(0.025), q(0.10), q(0.90), q(0.975) of z.</summary>
    public double[][] Quantiles { get; }

    public int ResidualCount { get; }

    public static readonly double[] Levels = [0.025, 0.10, 0.90, 0.975];

    public static ConformalBands Calibrate(IReadOnlyList<List<double>> residualsByStep)
    {
        var horizon = residualsByStep.Count;
        var pooled = new List<double>();
        for (var k = 0; k < horizon; k++) pooled.AddRange(residualsByStep[k].Select(z => z / Math.Sqrt(k + 1)));
        var quantiles = new double[horizon][];
        if (pooled.Count < 10) return RandomWalkDefault(horizon);
        for (var k = 0; k < horizon; k++)
        {
            var own = residualsByStep[k];
            quantiles[k] = own.Count >= MinimumPerStep || pooled.Count < MinimumPerStep
                ? Levels.Select(p => ConformalQuantile(own, p)).ToArray()
                : Levels.Select(p => ConformalQuantile(pooled, p) * Math.Sqrt(k + 1)).ToArray();
            ContainThePoint(quantiles[k]);
        }
        return new ConformalBands(quantiles, residualsByStep.Sum(r => r.Count));
    }

    /// <summary>
    /// Widens a step's quantiles so the band holds its own point: residuals from biased origins (a trend the members
    /// under-forecast) can put q(0.10) above zero, and a forecast outside its own 80 % band reads as a contradiction.
    /// </summary>
    private static void ContainThePoint(double[] q)
    {
        q[1] = Math.Min(q[1], 0);
        q[0] = Math.Min(q[0], q[1]);
        q[2] = Math.Max(q[2], 0);
        q[3] = Math.Max(q[3], q[2]);
    }

    /// <summary>Bands calibrated elsewhere (the plan of a sharded run), from their quantiles.</summary>
    public static ConformalBands FromQuantiles(double[][] quantiles, int residualCount) => new(quantiles, residualCount);

    /// <summary>Bounds (lo95, lo80, hi80, hi95) of step <paramref name="step"/> (0-based) around a point with naive scale s.</summary>
    public (double Lo95, double Lo80, double Hi80, double Hi95) Bounds(int step, double point, double scale)
    {
        var q = Quantiles[Math.Min(step, Quantiles.Length - 1)];
        return (point + q[0] * scale, point + q[1] * scale, point + q[2] * scale, point + q[3] * scale);
    }

    /// <summary>With almost no residuals: Gaussian random-walk bands (σ ≈ 1.25 · naive MAE, growing with √step).</summary>
    public static ConformalBands RandomWalkDefault(int horizon) =>
        new(Enumerable.Range(1, horizon).Select(k => new[] { -1.96, -1.2816, 1.2816, 1.96 }.Select(z => z * 1.25 * Math.Sqrt(k)).ToArray()).ToArray(), 0);

    /// <summary>Finite-sample conformal order statistic: rank ⌈p(N+1)⌉ for upper levels, ⌊p(N+1)⌋ for lower ones.</summary>
    private static double ConformalQuantile(List<double> values, double p)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        var rank = p > 0.5 ? (int)Math.Ceiling(p * (n + 1)) : (int)Math.Floor(p * (n + 1));
        return sorted[Math.Clamp(rank, 1, n) - 1];
    }
}
