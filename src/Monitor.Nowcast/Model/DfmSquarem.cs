using MathNet.Numerics.LinearAlgebra;

namespace Monitor.Nowcast.Model;

/// <summary>
/// EM accelerated by SQUAREM (Varadhan–Roland 2008, scheme S3 with the step-length rules of the R package SQUAREM):
/// from θ0, two plain EM steps give θ1 and θ2; with r = θ1 − θ0 and v = θ2 − 2θ1 + θ0 the next point is
/// θ0 − 2αr + α²v, α = −‖r‖/‖v‖ bounded to [−max, −1] (α = −1 is θ2, plain EM). Plain EM here creeps along the
/// weakly identified directions (block against global factor, factor against idiosyncratic persistence) for thousands
/// of steps; the extrapolation takes long strides along them. Hand-written: no maintained .NET implementation is served.
/// Monotone by construction: an extrapolated point is kept only when its likelihood is at least that of θ1 (itself at
/// least θ0's, an EM step), otherwise EM goes on from θ2; infeasible points (|ρ| ≥ 0.99, a non-stationary factor) are
/// pulled back toward θ2 first. Convergence is judged on the plain step θ0 → θ1, as in plain EM.
/// </summary>
internal static class DfmSquarem
{
    private const double Growth = 4;

    public static EmResult Fit(DfmParameters start, double[][] y, bool[][] present, EmOptions options)
    {
        var trace = new List<double>();
        var current = start;
        var steps = 1;
        var s0 = DfmEstimator.ExpectationStep(current, y, present);
        if (s0 is null) return Stopped(current, 0, double.NegativeInfinity, "the starting parameters give a singular system or a non-finite likelihood", trace);
        var l0 = s0.LogLikelihood;
        trace.Add(l0);
        var stepMax = 1.0;
        while (steps < options.MaxIterations)
        {
            var theta1 = DfmEstimator.MaximisationStep(current, y, s0, options.IdioFloor);
            if (!theta1.IsFinite()) return Stopped(current, steps, l0, "the update was not finite (singular moments)", trace);
            var s1 = DfmEstimator.ExpectationStep(theta1, y, present);
            steps++;
            if (s1 is null) return Stopped(current, steps, l0, "the system became singular", trace);
            var l1 = s1.LogLikelihood;
            if (DfmEstimator.Fell(l0, l1)) return Stopped(current, steps, l0, $"the likelihood fell ({l0:0.###} → {l1:0.###}), diverging", trace);
            trace.Add(l1);
            if (DfmEstimator.Converged(l0, l1, options.Tolerance)) return new EmResult(theta1, steps, true, l1, null, trace);
            if (steps >= options.MaxIterations) return new EmResult(theta1, steps, false, l1, null, trace);
            var theta2 = DfmEstimator.MaximisationStep(theta1, y, s1, options.IdioFloor);
            if (!theta2.IsFinite()) return Stopped(theta1, steps, l1, "the update was not finite (singular moments)", trace);

            var (candidate, alpha, atBound) = Extrapolate(current, theta1, theta2, stepMax);
            var sc = DfmEstimator.ExpectationStep(candidate, y, present);
            steps++;
            // a stride as long as allowed that kept the likelihood: allow longer ones
            if (atBound && sc is not null && sc.LogLikelihood >= l1) stepMax *= Growth;
            if (alpha < -1 && sc is not null && sc.LogLikelihood >= l1)
            {
                (current, s0, l0) = (candidate, sc, sc.LogLikelihood);
                trace.Add(l0);
                continue;
            }
            if (alpha < -1)
            {
                // the extrapolation lost likelihood: shorten the next strides and go on from the plain step θ2
                stepMax = Math.Max(1, stepMax / Growth);
                if (steps >= options.MaxIterations) return new EmResult(theta1, steps, false, l1, null, trace);
                sc = DfmEstimator.ExpectationStep(theta2, y, present);
                steps++;
            }
            if (sc is null) return Stopped(theta1, steps, l1, "the system became singular", trace);
            if (DfmEstimator.Fell(l1, sc.LogLikelihood)) return Stopped(theta1, steps, l1, $"the likelihood fell ({l1:0.###} → {sc.LogLikelihood:0.###}), diverging", trace);
            (current, s0, l0) = (theta2, sc, sc.LogLikelihood);
            trace.Add(l0);
        }
        return new EmResult(current, steps, false, l0, null, trace);
    }

    /// <summary>The SQUAREM point, its step length α (−1: θ2 itself; pulled toward θ2 until feasible) and whether ‖r‖/‖v‖ reached the bound.</summary>
    private static (DfmParameters Point, double Alpha, bool AtBound) Extrapolate(DfmParameters theta0, DfmParameters theta1, DfmParameters theta2, double stepMax)
    {
        var v0 = theta0.ToVector();
        var v1 = theta1.ToVector();
        var v2 = theta2.ToVector();
        var r = new double[v0.Length];
        var v = new double[v0.Length];
        double rr = 0, vv = 0;
        for (var k = 0; k < v0.Length; k++)
        {
            r[k] = v1[k] - v0[k];
            v[k] = v2[k] - (2 * v1[k]) + v0[k];
            rr += r[k] * r[k];
            vv += v[k] * v[k];
        }
        var alpha = vv > 0 ? Math.Clamp(-Math.Sqrt(rr / vv), -stepMax, -1) : -1;
        var atBound = alpha <= -stepMax;
        while (alpha < -1)
        {
            var point = new double[v0.Length];
            for (var k = 0; k < point.Length; k++) point[k] = v0[k] - (2 * alpha * r[k]) + (alpha * alpha * v[k]);
            var candidate = theta0.WithVector(point);
            if (Feasible(candidate)) return (candidate, alpha, atBound);
            alpha = (alpha - 1) / 2;
            if (alpha > -1 - 1e-3) alpha = -1;
        }
        return (theta2, -1, atBound);
    }

    /// <summary>Within what the M-step itself allows: finite, idiosyncratic |ρ| ≤ 0.99, variances above their floors, stationary factors.</summary>
    private static bool Feasible(DfmParameters p) =>
        p.IsFinite() && p.IdioAr.All(rho => Math.Abs(rho) <= 0.99) && p.IdioVariance.All(v => v >= 1e-4) && p.FactorVariance.All(v => v >= 1e-6)
        && p.FactorAr.All(Stationary);

    private static bool Stationary(double[] ar)
    {
        if (ar.Length == 1) return Math.Abs(ar[0]) < 1;
        var companion = Matrix<double>.Build.Dense(ar.Length, ar.Length, (i, j) => i == 0 ? ar[j] : i == j + 1 ? 1 : 0);
        return companion.Evd().EigenValues.All(e => e.Magnitude < 1);
    }

    private static EmResult Stopped(DfmParameters kept, int steps, double logLikelihood, string reason, List<double> trace) =>
        new(kept, steps, false, logLikelihood, $"EM stopped after {steps} E-steps: {reason}; kept the last good parameters", trace);
}
