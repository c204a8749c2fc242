namespace Monitor.Nowcast.Model;

/// <summary>
/// Kalman filter and fixed-interval smoother for a <see cref="StateSpace"/> with missing observations (NaN), processing
/// the series of each period one at a time (univariate treatment, Koopman–Durbin 2000), which needs no matrix inverse and
/// skips a missing value by simply not processing it. The covariance pass depends only on the system and on which values
/// are present, so it is run once and reused for any number of mean passes (EM, news weights).
/// Smoothing is the Durbin–Koopman backward recursion: â_t = a_t + P_t r_{t-1}, V_t = P_t − P_t N_{t-1} P_t, and
/// Cov(α_{t+1}, α_t | Y) = (I − P_{t+1} N_t) T P_{t|t}.
/// </summary>
public sealed class KalmanSmoother
{
    private readonly StateSpace _system;
    private readonly SparseRows _t;
    private readonly SparseRows _z;
    private readonly int _m;
    private readonly int[][] _observed;
    private readonly double[][] _f;
    private readonly double[][][] _k;
    private readonly double[][] _predicted;
    private readonly double[][] _filtered;
    private readonly bool _reuse;

    /// <param name="present">present[t][i]: series i has a value in period t.</param>
    /// <param name="reuseSteadyState">Reuse covariances once they repeat every <see cref="Cycle"/> periods (off only to test that reuse changes nothing).</param>
    public KalmanSmoother(StateSpace system, bool[][] present, bool reuseSteadyState = true)
    {
        _reuse = reuseSteadyState;
        _system = system;
        _m = system.States;
        _t = new SparseRows(system.Transition, _m, _m);
        _z = new SparseRows(system.Loadings, system.Series, _m);
        var periods = present.Length;
        _observed = new int[periods][];
        _f = new double[periods][];
        _k = new double[periods][][];
        _predicted = new double[periods][];
        _filtered = new double[periods][];
        CovariancePass(present);
    }

    public int Periods => _observed.Length;

    /// <summary>Periods whose filter covariances were reused from a cycle earlier.</summary>
    internal int ReusedPeriods => _sameAs.Count(s => s >= 0);

    /// <summary>Σ log F over the processed values: the data-independent part of the log-likelihood.</summary>
    public double LogDeterminant { get; private set; }

    /// <summary>True when some prediction variance F was not positive or not finite (a singular or diverging system).</summary>
    public bool Degenerate { get; private set; }

    /// <summary>Periods between repeats of the missing-value pattern in a panel with a quarterly series (months per quarter).</summary>
    internal const int Cycle = 3;

    private const double SteadyTolerance = 1e-11;

    private int[] _sameAs = [];

    private void CovariancePass(bool[][] present)
    {
        var m = _m;
        var p = (double[])_system.InitialCovariance.Clone();
        var scratch = new double[m * m];
        _sameAs = Enumerable.Repeat(-1, present.Length).ToArray();
        var steady = false;
        for (var t = 0; t < present.Length; t++)
        {
            var earlier = t - Cycle;
            var samePattern = _reuse && earlier >= 0 && present[t].AsSpan().SequenceEqual(present[earlier]);
            if (!samePattern) steady = false;
            else if (!steady && MaxDifference(p, _predicted[earlier]) < SteadyTolerance * (1 + Dense.MaxAbs(p))) steady = true;
            if (steady)
            {
                // the covariances have converged to their periodic steady state: reuse the period a cycle back
                _sameAs[t] = earlier;
                _predicted[t] = _predicted[earlier];
                _observed[t] = _observed[earlier];
                _f[t] = _f[earlier];
                _k[t] = _k[earlier];
                _filtered[t] = _filtered[earlier];
                foreach (var f in _f[t]) LogDeterminant += Math.Log(f);
                p = (double[])_predicted[t - Cycle + 1].Clone(); // T P_{t−3|t−3} Tᵀ + Q = P_{t−2}
                continue;
            }
            _predicted[t] = (double[])p.Clone();
            FilterPeriod(present[t], t, p);
            _filtered[t] = (double[])p.Clone();
            p = Predict(p, scratch);
        }
    }

    private double[] Predict(double[] filtered, double[] scratch)
    {
        var next = new double[_m * _m];
        Dense.Predict(_t, filtered, _system.StateNoise, next, scratch, _m);
        return next;
    }

    /// <summary>Processes the values present at t one series at a time, updating P in place and keeping each F and gain K.</summary>
    private void FilterPeriod(bool[] present, int t, double[] p)
    {
        var m = _m;
        var pz = new double[m];
        var obs = new List<int>();
        var fs = new List<double>();
        var ks = new List<double[]>();
        for (var i = 0; i < _system.Series; i++)
        {
            if (!present[i]) continue;
            var cols = _z.Columns[i];
            var vals = _z.Values[i];
            for (var a = 0; a < m; a++)
            {
                var sum = 0.0;
                for (var c = 0; c < cols.Length; c++) sum += p[(a * m) + cols[c]] * vals[c];
                pz[a] = sum;
            }
            var f = _z.Dot(i, pz) + _system.MeasurementNoise[i];
            if (!(f > 0) || !double.IsFinite(f)) { Degenerate = true; continue; }
            var k = new double[m];
            for (var a = 0; a < m; a++) k[a] = pz[a] / f;
            for (var a = 0; a < m; a++)
            {
                var ka = k[a];
                for (var b = 0; b < m; b++) p[(a * m) + b] -= ka * pz[b];
            }
            obs.Add(i);
            fs.Add(f);
            ks.Add(k);
            LogDeterminant += Math.Log(f);
        }
        _observed[t] = [.. obs];
        _f[t] = [.. fs];
        _k[t] = [.. ks];
    }

    private static double MaxDifference(double[] a, double[] b)
    {
        var max = 0.0;
        for (var i = 0; i < a.Length; i++) max = Math.Max(max, Math.Abs(a[i] - b[i]));
        return max;
    }

    /// <summary>Filters and smooths the values <paramref name="y"/>[t][i] (NaN where missing, same pattern as the constructor's).</summary>
    public SmootherResult Smooth(double[][] y, bool covariances)
    {
        var (predictedMeans, innovations, logLikelihood) = MeanFilter(y);
        var means = SmoothMeans(predictedMeans, innovations);
        var result = new SmootherResult(means, logLikelihood);
        if (covariances) SmoothCovariances(result, 0);
        return result;
    }

    /// <summary>
    /// The filter's one-step predictions of every period, a_t = E[α_t | y_1..y_{t−1}] and P_t, of the values <paramref name="y"/>.
    /// A panel that agrees with <paramref name="y"/> on the periods before t (values and missing pattern) has the same a_t and
    /// P_t, so its filter can start there (<see cref="StateSpace.StartingAt"/>).
    /// </summary>
    public (double[][] Means, double[][] Covariances) Predictions(double[][] y) => (MeanFilter(y).Predicted, _predicted);

    /// <summary>The smoothed covariance V_t of one period only (the backward pass stops there).</summary>
    public double[] SmoothedCovariance(int period)
    {
        var result = new SmootherResult(new double[Periods][], double.NaN);
        SmoothCovariances(result, period);
        return result.Covariances![period];
    }

    private (double[][] Predicted, double[][] Innovations, double LogLikelihood) MeanFilter(double[][] y)
    {
        var m = _m;
        var a = (double[])_system.InitialMean.Clone();
        var predicted = new double[Periods][];
        var innovations = new double[Periods][];
        var sumSquares = 0.0;
        var count = 0;
        for (var t = 0; t < Periods; t++)
        {
            predicted[t] = (double[])a.Clone();
            var obs = _observed[t];
            var v = new double[obs.Length];
            for (var k = 0; k < obs.Length; k++)
            {
                v[k] = y[t][obs[k]] - _z.Dot(obs[k], a);
                var gain = _k[t][k];
                for (var s = 0; s < m; s++) a[s] += gain[s] * v[k];
                sumSquares += v[k] * v[k] / _f[t][k];
                count++;
            }
            innovations[t] = v;
            a = MultiplySparse(_t, a);
        }
        var logLikelihood = -0.5 * ((count * Math.Log(2 * Math.PI)) + LogDeterminant + sumSquares);
        return (predicted, innovations, logLikelihood);
    }

    private double[][] SmoothMeans(double[][] predicted, double[][] innovations)
    {
        var m = _m;
        var r = new double[m];
        var means = new double[Periods][];
        for (var t = Periods - 1; t >= 0; t--)
        {
            var obs = _observed[t];
            for (var k = obs.Length - 1; k >= 0; k--)
            {
                // r ← zᵀ v/F + Lᵀ r with L = I − K z, i.e. r + z (v/F − K·r)
                var gain = _k[t][k];
                var kr = 0.0;
                for (var s = 0; s < m; s++) kr += gain[s] * r[s];
                var scale = (innovations[t][k] / _f[t][k]) - kr;
                var cols = _z.Columns[obs[k]];
                var vals = _z.Values[obs[k]];
                for (var c = 0; c < cols.Length; c++) r[cols[c]] += vals[c] * scale;
            }
            var mean = (double[])predicted[t].Clone();
            var p = _predicted[t];
            for (var a = 0; a < m; a++)
            {
                var sum = 0.0;
                for (var b = 0; b < m; b++) sum += p[(a * m) + b] * r[b];
                mean[a] += sum;
            }
            means[t] = mean;
            r = MultiplySparseTransposed(_t, r);
        }
        return means;
    }

    private void SmoothCovariances(SmootherResult result, int stopAt)
    {
        var m = _m;
        var n = new double[m * m];
        var nk = new double[m];
        var covariances = new double[Periods][];
        var lagged = new double[Periods][];
        var ns = new double[Periods][];
        var ws = new double[Periods][];
        var steady = false;
        for (var t = Periods - 1; t >= stopAt; t--)
        {
            var obs = _observed[t];
            for (var k = obs.Length - 1; k >= 0; k--) UpdateN(n, nk, _k[t][k], _f[t][k], obs[k]);
            ns[t] = (double[])n.Clone();
            var later = t + Cycle;
            var periodic = _reuse && later < Periods && _sameAs[later] == t;
            if (!periodic) steady = false;
            else if (!steady && MaxDifference(n, ns[later]) < SteadyTolerance * (1 + Dense.MaxAbs(n))) steady = true;
            if (steady)
            {
                // forward and backward recursions are both in their periodic steady state: V_t repeats a cycle later
                ws[t] = ws[later];
                covariances[t] = covariances[later];
            }
            else
            {
                var p = _predicted[t];
                ws[t] = Dense.Multiply(p, n, m);
                var v = Dense.Multiply(ws[t], p, m);
                for (var s = 0; s < v.Length; s++) v[s] = p[s] - v[s];
                covariances[t] = v;
            }
            if (t + 1 < Periods)
                lagged[t + 1] = steady && later + 1 < Periods && ReferenceEquals(ws[t + 1], ws[later + 1]) && lagged[later + 1] is { } repeat
                    ? repeat
                    : LagCovariance(ws[t + 1], _filtered[t]);
            n = TransposeNT(n);
        }
        result.Covariances = covariances;
        result.LagCovariances = lagged;
    }

    /// <summary>N ← zᵀz/F + Lᵀ N L with L = I − K z (N symmetric), touching only the rows and columns z uses.</summary>
    private void UpdateN(double[] n, double[] nk, double[] gain, double f, int series)
    {
        var m = _m;
        for (var a = 0; a < m; a++)
        {
            var sum = 0.0;
            for (var b = 0; b < m; b++) sum += n[(a * m) + b] * gain[b];
            nk[a] = sum;
        }
        var c = 0.0;
        for (var a = 0; a < m; a++) c += gain[a] * nk[a];
        var cols = _z.Columns[series];
        var vals = _z.Values[series];
        for (var x = 0; x < cols.Length; x++)
        {
            var ia = cols[x];
            var za = vals[x];
            for (var b = 0; b < m; b++)
            {
                n[(ia * m) + b] -= za * nk[b];
                n[(b * m) + ia] -= nk[b] * za;
            }
        }
        var scale = c + (1 / f);
        for (var x = 0; x < cols.Length; x++)
            for (var y = 0; y < cols.Length; y++)
                n[(cols[x] * m) + cols[y]] += scale * vals[x] * vals[y];
    }

    /// <summary>(I − W_{t+1}) T P_{t|t}: the smoothed covariance of α_{t+1} with α_t.</summary>
    private double[] LagCovariance(double[] nextW, double[] filtered)
    {
        var m = _m;
        var tp = new double[m * m];
        for (var i = 0; i < m; i++)
        {
            var cols = _t.Columns[i];
            var vals = _t.Values[i];
            for (var k = 0; k < cols.Length; k++)
                for (var j = 0; j < m; j++) tp[(i * m) + j] += vals[k] * filtered[(cols[k] * m) + j];
        }
        var wtp = Dense.Multiply(nextW, tp, m);
        for (var s = 0; s < tp.Length; s++) tp[s] -= wtp[s];
        return tp;
    }

    /// <summary>Tᵀ N T with T sparse by rows.</summary>
    private double[] TransposeNT(double[] n)
    {
        var m = _m;
        var nt = new double[m * m];
        for (var k = 0; k < m; k++)
        {
            var cols = _t.Columns[k];
            var vals = _t.Values[k];
            for (var x = 0; x < cols.Length; x++)
                for (var a = 0; a < m; a++) nt[(a * m) + cols[x]] += n[(a * m) + k] * vals[x];
        }
        var result = new double[m * m];
        for (var k = 0; k < m; k++)
        {
            var cols = _t.Columns[k];
            var vals = _t.Values[k];
            for (var x = 0; x < cols.Length; x++)
                for (var b = 0; b < m; b++) result[(cols[x] * m) + b] += vals[x] * nt[(k * m) + b];
        }
        return result;
    }

    private static double[] MultiplySparse(SparseRows t, double[] a)
    {
        var result = new double[a.Length];
        for (var i = 0; i < a.Length; i++) result[i] = t.Dot(i, a);
        return result;
    }

    private static double[] MultiplySparseTransposed(SparseRows t, double[] r)
    {
        var result = new double[r.Length];
        for (var k = 0; k < r.Length; k++)
        {
            var cols = t.Columns[k];
            var vals = t.Values[k];
            for (var x = 0; x < cols.Length; x++) result[cols[x]] += vals[x] * r[k];
        }
        return result;
    }
}

/// <summary>Smoothed states: means for every period, and on request the covariances V_t and Cov(α_t, α_{t−1}).</summary>
public sealed class SmootherResult(double[][] means, double logLikelihood)
{
    /// <summary>â_t = E[α_t | all data], one m-vector per period.</summary>
    public double[][] Means { get; } = means;

    public double LogLikelihood { get; } = logLikelihood;

    /// <summary>V_t (m×m row-major) per period, when covariances were asked for.</summary>
    public double[][]? Covariances { get; internal set; }

    /// <summary>Cov(α_t, α_{t−1} | all data) (m×m row-major) for t ≥ 1, when covariances were asked for.</summary>
    public double[][]? LagCovariances { get; internal set; }
}
