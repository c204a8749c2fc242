namespace Monitor.Forecast.Models;

/// <summary>
/// Fits ETS(E,T,N) models by Nelder–Mead (smoothing parameters and initial states together), as R's <c>ets</c> does:
/// least squares for additive errors, the Gaussian likelihood of relative errors for multiplicative ones.
/// </summary>
public static class EtsFitter
{
    private const double PhiLow = 0.8, PhiHigh = 0.98;

    public static EtsFit Fit(double[] y, EtsSpec spec, int maxEvaluations = 200)
    {
        var n = y.Length;
        if (spec.MultiplicativeError && y.Any(v => v <= 0)) throw new ArgumentException("multiplicative errors need positive data");
        var level0 = y[0];
        var slope0 = n > 1 ? (y[Math.Min(n - 1, 3)] - y[0]) / Math.Min(n - 1, 3) : 0;
        var scale = Math.Max(1e-9, y.Select(Math.Abs).Average());
        double[] start, steps;
        switch (spec.Trend)
        {
            case TrendKind.None: start = [0.3, level0]; steps = [0.2, 0.1 * scale]; break;
            case TrendKind.Additive: start = [0.3, 0.05, level0, slope0]; steps = [0.2, 0.05, 0.1 * scale, 0.05 * scale + Math.Abs(slope0) * 0.2]; break;
            default: start = [0.3, 0.05, 0.95, level0, slope0]; steps = [0.2, 0.05, 0.05, 0.1 * scale, 0.05 * scale + Math.Abs(slope0) * 0.2]; break;
        }
        double Objective(double[] p) => Criterion(y, spec, p, out _);
        var best = NelderMead.Minimise(Objective, start, steps, maxEvaluations);
        var criterion = Criterion(y, spec, best, out var sse);
        if (double.IsInfinity(criterion)) { best = start; criterion = Criterion(y, spec, best, out sse); }
        Unpack(spec, best, out var alpha, out var beta, out var phi, out _, out _);
        Run(y, spec, best, out var level, out var slope, out _);
        var k = spec.ParameterCount;
        var aicc = criterion + 2 * k + (n - k - 1 > 0 ? 2.0 * k * (k + 1) / (n - k - 1) : double.PositiveInfinity);
        return new EtsFit(spec, alpha, beta, phi, level, slope, sse, aicc);
    }

    /// <summary>Fits every candidate (multiplicative ones only for positive data) and keeps the lowest AICc.</summary>
    public static EtsFit SelectByAicc(double[] y, IEnumerable<EtsSpec> candidates)
    {
        var positive = y.All(v => v > 0);
        EtsFit? best = null;
        foreach (var spec in candidates)
        {
            if (spec.MultiplicativeError && !positive) continue;
            if (spec.Trend != TrendKind.None && y.Length < spec.ParameterCount + 2) continue;
            var fit = Fit(y, spec);
            if (best is null || fit.Aicc < best.Aicc) best = fit;
        }
        return best ?? Fit(y, new EtsSpec(false, TrendKind.None));
    }

    private static void Unpack(EtsSpec spec, double[] p, out double alpha, out double beta, out double phi, out double level, out double slope)
    {
        alpha = p[0];
        beta = 0; phi = 1; slope = 0;
        switch (spec.Trend)
        {
            case TrendKind.None: level = p[1]; break;
            case TrendKind.Additive: beta = p[1]; level = p[2]; slope = p[3]; break;
            default: beta = p[1]; phi = p[2]; level = p[3]; slope = p[4]; break;
        }
    }

    /// <summary>-2 log-likelihood up to constants, or +inf outside the admissible region.</summary>
    private static double Criterion(double[] y, EtsSpec spec, double[] p, out double sse)
    {
        sse = double.PositiveInfinity;
        Unpack(spec, p, out var alpha, out var beta, out var phi, out _, out _);
        if (alpha is < 1e-4 or > 0.9999) return double.PositiveInfinity;
        if (spec.Trend != TrendKind.None && (beta < 1e-4 || beta > alpha)) return double.PositiveInfinity;
        if (spec.Trend == TrendKind.Damped && (phi < PhiLow || phi > PhiHigh)) return double.PositiveInfinity;
        var logSum = Run(y, spec, p, out _, out _, out var sumSquares);
        if (double.IsNaN(logSum) || double.IsInfinity(logSum)) return double.PositiveInfinity;
        var n = y.Length;
        sse = sumSquares;
        var variance = Math.Max(sumSquares / n, 1e-300);
        return n * Math.Log(variance) + 2 * logSum;
    }

    /// <summary>Runs the recursion; returns Σ log|ŷ| for multiplicative errors (0 otherwise) and the sum of squared errors.</summary>
    private static double Run(double[] y, EtsSpec spec, double[] p, out double level, out double slope, out double sumSquares)
    {
        Unpack(spec, p, out var alpha, out var beta, out var phi, out level, out slope);
        sumSquares = 0;
        var logSum = 0.0;
        for (var t = 0; t < y.Length; t++)
        {
            var damped = phi * slope;
            var fitted = level + damped;
            if (spec.MultiplicativeError)
            {
                if (fitted <= 0) return double.NaN;
                var e = (y[t] - fitted) / fitted;
                sumSquares += e * e;
                logSum += Math.Log(fitted);
                level = fitted * (1 + alpha * e);
                slope = damped + beta * fitted * e;
            }
            else
            {
                var e = y[t] - fitted;
                sumSquares += e * e;
                level = fitted + alpha * e;
                slope = damped + beta * e;
            }
        }
        return logSum;
    }
}
