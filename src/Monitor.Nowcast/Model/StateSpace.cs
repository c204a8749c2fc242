namespace Monitor.Nowcast.Model;

/// <summary>
/// A linear Gaussian state-space system with a diagonal measurement covariance:
/// y_t = Z α_t + ε_t, ε_t ~ N(0, diag H);  α_{t+1} = T α_t + η_t, η_t ~ N(0, Q);  α_1 ~ N(A1, P1).
/// Matrices are dense row-major arrays; the filter keeps sparse copies of T and Z because a factor model's
/// transition (companion blocks and a diagonal) and loadings (a few states per series) are mostly zeros.
/// </summary>
public sealed class StateSpace
{
    public StateSpace(int states, int series)
    {
        States = states;
        Series = series;
        Transition = new double[states * states];
        StateNoise = new double[states * states];
        Loadings = new double[series * states];
        MeasurementNoise = new double[series];
        InitialMean = new double[states];
        InitialCovariance = new double[states * states];
    }

    public int States { get; }

    public int Series { get; }

    /// <summary>T, m×m row-major.</summary>
    public double[] Transition { get; }

    /// <summary>Q, m×m row-major.</summary>
    public double[] StateNoise { get; }

    /// <summary>Z, n×m row-major.</summary>
    public double[] Loadings { get; }

    /// <summary>The diagonal of H.</summary>
    public double[] MeasurementNoise { get; }

    public double[] InitialMean { get; }

    public double[] InitialCovariance { get; }

    /// <summary>The same system started from a given state distribution (to filter on from a period whose prediction is known).</summary>
    public StateSpace StartingAt(double[] mean, double[] covariance)
    {
        var copy = new StateSpace(States, Series);
        Array.Copy(Transition, copy.Transition, Transition.Length);
        Array.Copy(StateNoise, copy.StateNoise, StateNoise.Length);
        Array.Copy(Loadings, copy.Loadings, Loadings.Length);
        Array.Copy(MeasurementNoise, copy.MeasurementNoise, MeasurementNoise.Length);
        Array.Copy(mean, copy.InitialMean, mean.Length);
        Array.Copy(covariance, copy.InitialCovariance, covariance.Length);
        return copy;
    }

    public double T(int row, int column) => Transition[(row * States) + column];

    public void SetT(int row, int column, double value) => Transition[(row * States) + column] = value;

    public void SetQ(int row, int column, double value) => StateNoise[(row * States) + column] = value;

    public void SetZ(int series, int state, double value) => Loadings[(series * States) + state] = value;

    /// <summary>P1 = the unconditional covariance of a stationary transition (Σ T^k Q T'^k by doubling); a wide diffuse-like prior where T is not stationary.</summary>
    public void SetStationaryInitialCovariance(double fallbackVariance = 1e4)
    {
        var m = States;
        var p = (double[])StateNoise.Clone();
        var a = (double[])Transition.Clone();
        for (var iteration = 0; iteration < 60; iteration++)
        {
            var apa = Dense.MultiplyTransposeRight(Dense.Multiply(a, p, m), a, m);
            var change = 0.0;
            for (var i = 0; i < p.Length; i++)
            {
                change = Math.Max(change, Math.Abs(apa[i]));
                p[i] += apa[i];
            }
            if (change < 1e-12 * (1 + Dense.MaxAbs(p))) break;
            a = Dense.Multiply(a, a, m);
            if (!double.IsFinite(change) || change > 1e12) { p = null; break; }
        }
        if (p is null || !p.All(double.IsFinite))
        {
            Array.Clear(InitialCovariance);
            for (var i = 0; i < m; i++) InitialCovariance[(i * m) + i] = fallbackVariance;
            return;
        }
        Array.Copy(p, InitialCovariance, p.Length);
    }
}

/// <summary>The non-zero entries of a row-major matrix, row by row (the filter's inner loops run over these only).</summary>
internal sealed class SparseRows
{
    public SparseRows(double[] dense, int rows, int columns)
    {
        Columns = new int[rows][];
        Values = new double[rows][];
        for (var r = 0; r < rows; r++)
        {
            var cols = new List<int>();
            for (var c = 0; c < columns; c++) if (dense[(r * columns) + c] != 0) cols.Add(c);
            Columns[r] = [.. cols];
            Values[r] = cols.Select(c => dense[(r * columns) + c]).ToArray();
        }
    }

    public int[][] Columns { get; }

    public double[][] Values { get; }

    public double Dot(int row, ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        var cols = Columns[row];
        var vals = Values[row];
        for (var k = 0; k < cols.Length; k++) sum += vals[k] * x[cols[k]];
        return sum;
    }
}

/// <summary>Small dense helpers on row-major square arrays, for the parts that are not worth a matrix object per step.</summary>
internal static class Dense
{
    public static double[] Multiply(double[] a, double[] b, int m)
    {
        var c = new double[m * m];
        for (var i = 0; i < m; i++)
            for (var k = 0; k < m; k++)
            {
                var aik = a[(i * m) + k];
                if (aik == 0) continue;
                for (var j = 0; j < m; j++) c[(i * m) + j] += aik * b[(k * m) + j];
            }
        return c;
    }

    /// <summary>A·Bᵀ.</summary>
    public static double[] MultiplyTransposeRight(double[] a, double[] b, int m)
    {
        var c = new double[m * m];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < m; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < m; k++) sum += a[(i * m) + k] * b[(j * m) + k];
                c[(i * m) + j] = sum;
            }
        return c;
    }

    public static double MaxAbs(double[] a)
    {
        var max = 0.0;
        foreach (var x in a) max = Math.Max(max, Math.Abs(x));
        return max;
    }

    /// <summary>T·P·Tᵀ + Q with T sparse by rows; P symmetric.</summary>
    public static void Predict(SparseRows t, double[] p, double[] q, double[] result, double[] scratch, int m)
    {
        // scratch = T·P
        for (var i = 0; i < m; i++)
        {
            var cols = t.Columns[i];
            var vals = t.Values[i];
            var row = i * m;
            for (var j = 0; j < m; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < cols.Length; k++) sum += vals[k] * p[(cols[k] * m) + j];
                scratch[row + j] = sum;
            }
        }
        // result = scratch·Tᵀ + Q, i.e. result[i,j] = Σ_k scratch[i,k] T[j,k]
        for (var i = 0; i < m; i++)
            for (var j = i; j < m; j++)
            {
                var cols = t.Columns[j];
                var vals = t.Values[j];
                var sum = q[(i * m) + j];
                for (var k = 0; k < cols.Length; k++) sum += scratch[(i * m) + cols[k]] * vals[k];
                result[(i * m) + j] = sum;
                result[(j * m) + i] = sum;
            }
    }
}
