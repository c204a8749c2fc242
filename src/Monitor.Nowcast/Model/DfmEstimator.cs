using MathNet.Numerics.LinearAlgebra;

namespace Monitor.Nowcast.Model;

/// <summary>Limits of one EM estimation.</summary>
/// <param name="MaxIterations">At most this many E-steps (Kalman smoother passes, the cost of EM).</param>
/// <param name="Tolerance">Converged when one plain EM step raises the log-likelihood by less than this, relative.</param>
/// <param name="Accelerate">Extrapolate every two EM steps (SQUAREM, Varadhan–Roland 2008), keeping an extrapolation only when it raises the likelihood.</param>
/// <param name="IdioFloor">
/// Least idiosyncratic innovation variance of each series, as a share of its (standardised, so unit) variance; 0: off.
/// Keeps a near-exact fit (HOUST/PERMIT-like pairs) from driving a series' noise to zero and the factor onto that series.
/// </param>
public sealed record EmOptions(int MaxIterations = 200, double Tolerance = 1e-4, bool Accelerate = false, double IdioFloor = 0);

/// <summary>The outcome of an EM estimation: the parameters, and why it stopped when that was not convergence.</summary>
/// <param name="Iterations">E-steps run.</param>
/// <param name="Trace">The log-likelihood of each point EM moved to, in order (to check that it climbs and how fast).</param>
public sealed record EmResult(DfmParameters Parameters, int Iterations, bool Converged, double LogLikelihood, string? Problem, IReadOnlyList<double> Trace);

/// <summary>
/// Maximum-likelihood estimation of a <see cref="DfmSpec"/> by EM with arbitrary missing values (Bańbura–Modugno 2014):
/// the E-step is the Kalman smoother, the M-step regressions use the smoothed moments, loadings only over the periods
/// where each series has a value. Starts from principal components, or warm-starts from earlier parameters.
/// A step that lowers the likelihood, or gives a singular or non-finite system, stops the estimation at the last good parameters.
/// </summary>
public static class DfmEstimator
{
    public static EmResult Fit(DfmSpec spec, double[][] data, EmOptions? options = null, DfmParameters? start = null)
    {
        options ??= new EmOptions();
        var current = start?.Clone() ?? DfmInitializer.Initial(spec, data);
        DfmInitializer.Standardise(current, data);
        FloorIdiosyncratic(current, options.IdioFloor);
        var y = DfmInitializer.Standardised(current, data);
        var present = y.Select(row => row.Select(double.IsFinite).ToArray()).ToArray();
        return options.Accelerate ? DfmSquarem.Fit(current, y, present, options) : Plain(current, y, present, options);
    }

    private static EmResult Plain(DfmParameters current, double[][] y, bool[][] present, EmOptions options)
    {
        var previous = double.NegativeInfinity;
        var last = current;
        var trace = new List<double>();
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            var smoother = new KalmanSmoother(current.ToStateSpace(), present);
            if (smoother.Degenerate)
                return new EmResult(last, iteration - 1, false, previous, $"EM stopped at iteration {iteration}: the system became singular; kept the last good parameters", trace);
            var smoothed = smoother.Smooth(y, covariances: true);
            var logLikelihood = smoothed.LogLikelihood;
            trace.Add(logLikelihood);
            if (!double.IsFinite(logLikelihood))
                return new EmResult(last, iteration - 1, false, previous, $"EM stopped at iteration {iteration}: the likelihood is not finite; kept the last good parameters", trace);
            if (iteration > 1 && Fell(previous, logLikelihood))
                return new EmResult(last, iteration - 1, false, previous, $"EM stopped at iteration {iteration}: the likelihood fell ({previous:0.###} → {logLikelihood:0.###}), diverging; kept the last good parameters", trace);
            if (iteration > 1 && Converged(previous, logLikelihood, options.Tolerance))
                return new EmResult(current, iteration, true, logLikelihood, null, trace);
            previous = logLikelihood;
            var next = MaximisationStep(current, y, smoothed, options.IdioFloor);
            if (!next.IsFinite())
                return new EmResult(current, iteration, false, logLikelihood, $"EM stopped at iteration {iteration}: the update was not finite (singular moments); kept the last good parameters", trace);
            last = current;
            current = next;
        }
        return new EmResult(current, options.MaxIterations, false, previous, null, trace);
    }

    /// <summary>The relative change of the log-likelihood from one EM step to the next is below the tolerance.</summary>
    internal static bool Converged(double before, double after, double tolerance) =>
        Math.Abs(after - before) / ((Math.Abs(after) + Math.Abs(before) + 1e-12) / 2) < tolerance;

    /// <summary>A fall of the likelihood beyond rounding: EM is diverging (each plain EM step must not lower it).</summary>
    internal static bool Fell(double before, double after) => after < before - (1e-6 * Math.Abs(before));

    /// <summary>The smoother at <paramref name="parameters"/> with its moments, or null when the system is singular or the likelihood not finite.</summary>
    internal static SmootherResult? ExpectationStep(DfmParameters parameters, double[][] y, bool[][] present)
    {
        var smoother = new KalmanSmoother(parameters.ToStateSpace(), present);
        if (smoother.Degenerate) return null;
        var smoothed = smoother.Smooth(y, covariances: true);
        return double.IsFinite(smoothed.LogLikelihood) ? smoothed : null;
    }

    /// <summary>One M-step: new parameters from the smoothed moments of the current ones; idiosyncratic variances at least <paramref name="idioFloor"/> (<see cref="EmOptions.IdioFloor"/>).</summary>
    internal static DfmParameters MaximisationStep(DfmParameters current, double[][] y, SmootherResult s, double idioFloor = 0)
    {
        var spec = current.Spec;
        var next = current.Clone();
        for (var b = 0; b < spec.Blocks.Count; b++) UpdateFactor(next, s, b);
        for (var i = 0; i < spec.Series.Count; i++)
        {
            UpdateLoadings(next, y, s, i);
            UpdateIdiosyncratic(next, s, i, IdioMinimum(next.Spec, i, idioFloor));
        }
        return next;
    }

    /// <summary>
    /// The least innovation variance of series <paramref name="series"/>'s idiosyncratic term: a share of the series'
    /// unit variance; a quarterly series sums its monthly term with weights w, so its share is divided by Σw².
    /// The expected complete-data likelihood is unimodal in the variance, so the floored value is still the constrained
    /// maximiser and EM still never lowers the likelihood.
    /// </summary>
    internal static double IdioMinimum(DfmSpec spec, int series, double idioFloor) =>
        Math.Max(1e-4, idioFloor / spec.Weights(series).Sum(w => w * w));

    /// <summary>Raises starting (principal-component or warm-start) idiosyncratic variances to the floor.</summary>
    private static void FloorIdiosyncratic(DfmParameters parameters, double idioFloor)
    {
        if (idioFloor <= 0) return;
        for (var i = 0; i < parameters.Spec.Series.Count; i++)
            parameters.IdioVariance[i] = Math.Max(parameters.IdioVariance[i], IdioMinimum(parameters.Spec, i, idioFloor));
    }

    private static double Moment(SmootherResult s, int t, int a, int b, int m) => (s.Means[t][a] * s.Means[t][b]) + s.Covariances![t][(a * m) + b];

    private static double LagMoment(SmootherResult s, int t, int a, int b, int m) => (s.Means[t][a] * s.Means[t - 1][b]) + s.LagCovariances![t][(a * m) + b];

    private static void UpdateFactor(DfmParameters next, SmootherResult s, int block)
    {
        var spec = next.Spec;
        var m = spec.States;
        var p = spec.FactorOrder;
        var f0 = spec.FactorState(block);
        var s00 = Matrix<double>.Build.Dense(p, p);
        var s10 = Vector<double>.Build.Dense(p);
        var s11 = 0.0;
        var periods = s.Means.Length;
        for (var t = 1; t < periods; t++)
        {
            s11 += Moment(s, t, f0, f0, m);
            for (var k = 0; k < p; k++)
            {
                s10[k] += LagMoment(s, t, f0, f0 + k, m);
                for (var l = 0; l < p; l++) s00[k, l] += Moment(s, t - 1, f0 + k, f0 + l, m);
            }
        }
        var a = s00.Solve(s10);
        next.FactorAr[block] = [.. a];
        next.FactorVariance[block] = Math.Max((s11 - a.DotProduct(s10)) / (periods - 1), 1e-6);
    }

    private static void UpdateIdiosyncratic(DfmParameters next, SmootherResult s, int series, double minimum)
    {
        var m = next.Spec.States;
        var e = next.Spec.IdioState[series];
        double s00 = 0, s10 = 0, s11 = 0;
        var periods = s.Means.Length;
        for (var t = 1; t < periods; t++)
        {
            s11 += Moment(s, t, e, e, m);
            s10 += LagMoment(s, t, e, e, m);
            s00 += Moment(s, t - 1, e, e, m);
        }
        var rho = Math.Clamp(s10 / s00, -0.99, 0.99);
        next.IdioAr[series] = rho;
        next.IdioVariance[series] = Math.Max((s11 - (rho * s10)) / (periods - 1), minimum);
    }

    private static void UpdateLoadings(DfmParameters next, double[][] y, SmootherResult s, int series)
    {
        var spec = next.Spec;
        var m = spec.States;
        var blocks = spec.Series[series].Blocks;
        var w = spec.Weights(series);
        var e = spec.IdioState[series];
        var gg = Matrix<double>.Build.Dense(blocks.Count, blocks.Count);
        var gy = Vector<double>.Build.Dense(blocks.Count);
        for (var t = 0; t < y.Length; t++)
        {
            if (!double.IsFinite(y[t][series])) continue;
            for (var x = 0; x < blocks.Count; x++)
            {
                var bx = blocks[x];
                for (var k = 0; k < w.Length; k++)
                {
                    var fk = spec.FactorState(bx, k);
                    var wk = w[k];
                    gy[x] += wk * y[t][series] * s.Means[t][fk];
                    for (var l = 0; l < w.Length; l++)
                    {
                        gy[x] -= wk * w[l] * Moment(s, t, fk, e + l, m);
                        for (var z = 0; z < blocks.Count; z++) gg[x, z] += wk * w[l] * Moment(s, t, fk, spec.FactorState(blocks[z], l), m);
                    }
                }
            }
        }
        var lambda = gg.Solve(gy);
        for (var x = 0; x < blocks.Count; x++) next.Loadings[series][blocks[x]] = lambda[x];
    }
}
