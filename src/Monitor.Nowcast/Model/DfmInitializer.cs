using MathNet.Numerics.LinearAlgebra;

namespace Monitor.Nowcast.Model;

/// <summary>Standardisation and the principal-component starting values of EM (as in Bańbura–Modugno 2014, missing values read as the mean).</summary>
public static class DfmInitializer
{
    /// <summary>Sets each series' mean and standard deviation from the values present.</summary>
    public static void Standardise(DfmParameters parameters, double[][] data)
    {
        for (var i = 0; i < parameters.Spec.Series.Count; i++)
        {
            var values = data.Select(row => row[i]).Where(double.IsFinite).ToArray();
            if (values.Length < 2) throw new NowcastDataException($"series '{parameters.Spec.Series[i].Code}' has {values.Length} value(s); at least 2 are needed");
            var mean = values.Average();
            var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
            parameters.Mean[i] = mean;
            parameters.Scale[i] = sd > 0 ? sd : 1;
        }
    }

    public static double[][] Standardised(DfmParameters parameters, double[][] data) =>
        data.Select(row => row.Select((v, i) => (v - parameters.Mean[i]) / parameters.Scale[i]).ToArray()).ToArray();

    /// <summary>Starting values: each block's factor is the first principal component of its monthly series (after the earlier blocks' factors are taken out).</summary>
    public static DfmParameters Initial(DfmSpec spec, double[][] data)
    {
        var parameters = new DfmParameters(spec);
        Standardise(parameters, data);
        var y = Standardised(parameters, data);
        var periods = y.Length;
        var residual = y.Select(row => row.Select(v => double.IsFinite(v) ? v : 0).ToArray()).ToArray();
        var factors = new double[spec.Blocks.Count][];
        for (var b = 0; b < spec.Blocks.Count; b++)
        {
            var members = Enumerable.Range(0, spec.Series.Count).Where(i => !spec.Series[i].Quarterly && spec.Series[i].Blocks.Contains(b)).ToArray();
            factors[b] = members.Length == 0 ? new double[periods] : FirstComponent(residual, members);
            foreach (var i in members)
            {
                var beta = Regress(factors[b], residual.Select(r => r[i]).ToArray());
                for (var t = 0; t < periods; t++) residual[t][i] -= beta * factors[b][t];
            }
            FitFactorAr(parameters, b, factors[b]);
        }
        for (var i = 0; i < spec.Series.Count; i++) FitSeries(parameters, y, factors, i);
        return parameters;
    }

    private static double[] FirstComponent(double[][] x, int[] members)
    {
        var matrix = Matrix<double>.Build.Dense(x.Length, members.Length, (t, j) => x[t][members[j]]);
        var covariance = matrix.TransposeThisAndMultiply(matrix);
        var evd = covariance.Evd(Symmetricity.Symmetric);
        var top = evd.EigenValues.Select(v => v.Real).Select((v, k) => (v, k)).MaxBy(p => p.v).k;
        var vector = evd.EigenVectors.Column(top);
        if (vector.Sum() < 0) vector = -vector; // a sign convention: the factor rises with most of its series
        var factor = (matrix * vector).ToArray();
        var sd = Math.Sqrt(factor.Sum(f => f * f) / Math.Max(1, factor.Length - 1));
        return sd > 0 ? factor.Select(f => f / sd).ToArray() : factor;
    }

    private static double Regress(double[] x, double[] y)
    {
        double xy = 0, xx = 0;
        for (var t = 0; t < x.Length; t++) { xy += x[t] * y[t]; xx += x[t] * x[t]; }
        return xx > 0 ? xy / xx : 0;
    }

    private static void FitFactorAr(DfmParameters parameters, int block, double[] f)
    {
        var p = parameters.Spec.FactorOrder;
        var rows = f.Length - p;
        if (rows <= p) return;
        var x = Matrix<double>.Build.Dense(rows, p, (t, k) => f[t + p - 1 - k]);
        var z = Vector<double>.Build.Dense(rows, t => f[t + p]);
        var a = x.TransposeThisAndMultiply(x).Solve(x.TransposeThisAndMultiply(z));
        var residual = z - (x * a);
        parameters.FactorAr[block] = [.. a];
        parameters.FactorVariance[block] = Math.Max(residual.DotProduct(residual) / rows, 1e-3);
    }

    private static void FitSeries(DfmParameters parameters, double[][] y, double[][] factors, int i)
    {
        var spec = parameters.Spec;
        var w = spec.Weights(i);
        var blocks = spec.Series[i].Blocks;
        var rows = new List<(double[] G, double Y, int T)>();
        for (var t = w.Length - 1; t < y.Length; t++)
        {
            if (!double.IsFinite(y[t][i])) continue;
            var g = blocks.Select(b => w.Select((wk, k) => wk * factors[b][t - k]).Sum()).ToArray();
            rows.Add((g, y[t][i], t));
        }
        if (rows.Count <= blocks.Count + 1) throw new NowcastDataException($"series '{spec.Series[i].Code}' has too few values ({rows.Count}) to estimate its loadings");
        var x = Matrix<double>.Build.Dense(rows.Count, blocks.Count, (r, k) => rows[r].G[k]);
        var z = Vector<double>.Build.Dense(rows.Count, r => rows[r].Y);
        var lambda = (x.TransposeThisAndMultiply(x) + Matrix<double>.Build.DenseIdentity(blocks.Count) * 1e-6).Solve(x.TransposeThisAndMultiply(z));
        for (var k = 0; k < blocks.Count; k++) parameters.Loadings[i][blocks[k]] = lambda[k];
        var residual = (z - (x * lambda)).ToArray();
        var variance = residual.Sum(r => r * r) / residual.Length;
        if (spec.Series[i].Quarterly)
        {
            // a white idiosyncratic term summed with weights (1,2,3,2,1) has 19 times its monthly variance
            parameters.IdioAr[i] = 0;
            parameters.IdioVariance[i] = Math.Max(variance / w.Sum(v => v * v), 1e-4);
            return;
        }
        double s10 = 0, s00 = 0;
        for (var r = 1; r < rows.Count; r++)
            if (rows[r].T == rows[r - 1].T + 1) { s10 += residual[r] * residual[r - 1]; s00 += residual[r - 1] * residual[r - 1]; }
        var rho = s00 > 0 ? Math.Clamp(s10 / s00, -0.9, 0.9) : 0;
        parameters.IdioAr[i] = rho;
        parameters.IdioVariance[i] = Math.Max(variance * (1 - (rho * rho)), 1e-4);
    }
}

/// <summary>The data cannot support the model (too little history, no overlap); the message is the recorded reason.</summary>
public sealed class NowcastDataException(string message) : Exception(message);
