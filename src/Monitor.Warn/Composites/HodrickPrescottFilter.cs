namespace Monitor.Warn.Composites;

/// <summary>
/// The Hodrick–Prescott trend: solves (I + λ·DᵀD)·τ = y with D the second-difference operator, using the banded
/// (pentadiagonal) Cholesky factorisation, O(n). λ for a cut-off period p (months) is 1 / (4·(1 − cos(2π/p))²), the value
/// at which the filter's gain is one half (p = 120 → λ ≈ 133 107.9; p = 12 → λ ≈ 13.93).
/// </summary>
public static class HodrickPrescottFilter
{
    public static double LambdaForCutoff(double periods)
    {
        var c = 1 - Math.Cos(2 * Math.PI / periods);
        return 1.0 / (4 * c * c);
    }

    public static double[] Trend(IReadOnlyList<double> y, double lambda)
    {
        var n = y.Count;
        if (n < 3) return y.ToArray();
        // Bands of the symmetric matrix A = I + λ·DᵀD: diagonal d, first off-diagonal e, second off-diagonal f.
        var d = new double[n];
        var e = new double[n];
        var f = new double[n];
        for (var i = 0; i < n; i++)
        {
            var edge = Math.Min(i, n - 1 - i);
            d[i] = 1 + (lambda * (edge == 0 ? 1 : edge == 1 ? 5 : 6));
            if (i < n - 1) e[i] = lambda * (i == 0 || i == n - 2 ? -2 : -4);
            if (i < n - 2) f[i] = lambda;
        }
        // LDLᵀ factorisation of the band, then forward and backward substitution.
        var diag = new double[n];
        var l1 = new double[n];
        var l2 = new double[n];
        for (var i = 0; i < n; i++)
        {
            var v = d[i];
            if (i >= 1) v -= l1[i - 1] * l1[i - 1] * diag[i - 1];
            if (i >= 2) v -= l2[i - 2] * l2[i - 2] * diag[i - 2];
            diag[i] = v;
            if (i < n - 1)
            {
                var w = e[i];
                if (i >= 1) w -= l1[i - 1] * l2[i - 1] * diag[i - 1];
                l1[i] = w / v;
            }
            if (i < n - 2) l2[i] = f[i] / v;
        }
        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            var v = y[i];
            if (i >= 1) v -= l1[i - 1] * z[i - 1];
            if (i >= 2) v -= l2[i - 2] * z[i - 2];
            z[i] = v;
        }
        for (var i = 0; i < n; i++) z[i] /= diag[i];
        var tau = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var v = z[i];
            if (i + 1 < n) v -= l1[i] * tau[i + 1];
            if (i + 2 < n) v -= l2[i] * tau[i + 2];
            tau[i] = v;
        }
        return tau;
    }
}
