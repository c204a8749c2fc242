using MathNet.Numerics.LinearAlgebra;
using Monitor.Nowcast.Model;

namespace Monitor.Nowcast.Tests.Model;

[TestClass]
public sealed class KalmanSmootherTests
{
    private static StateSpace LocalLevel(double levelVariance, double noiseVariance, double initialVariance)
    {
        var ss = new StateSpace(1, 1);
        ss.SetT(0, 0, 1);
        ss.SetQ(0, 0, levelVariance);
        ss.SetZ(0, 0, 1);
        ss.MeasurementNoise[0] = noiseVariance;
        ss.InitialCovariance[0] = initialVariance;
        return ss;
    }

    [TestMethod]
    public void OneObservationOfALocalLevelIsTheHandComputedPosterior()
    {
        // prior N(0, 1), y = 2 with noise variance 1: posterior mean 2·1/(1+1) = 1, variance 1·1/(1+1) = 0.5
        var smoother = new KalmanSmoother(LocalLevel(0.3, 1, 1), [[true]]);
        var result = smoother.Smooth([[2.0]], covariances: true);
        Assert.AreEqual(1.0, result.Means[0][0], 1e-12);
        Assert.AreEqual(0.5, result.Covariances![0][0], 1e-12);
        // log N(2; 0, 2)
        Assert.AreEqual(-0.5 * (Math.Log(2 * Math.PI * 2) + (4.0 / 2)), result.LogLikelihood, 1e-12);
    }

    [TestMethod]
    public void LocalLevelReachesTheClosedFormSteadyState()
    {
        const double q = 0.5, h = 2.0;
        var periods = 200;
        var present = Enumerable.Range(0, periods).Select(_ => new[] { true }).ToArray();
        var smoother = new KalmanSmoother(LocalLevel(q, h, 1e6), present);
        // steady predicted variance solves P² − qP − qh = 0; at the last period the smoothed variance is the filtered one, Ph/(P+h)
        var p = (q + Math.Sqrt((q * q) + (4 * q * h))) / 2;
        Assert.AreEqual(p * h / (p + h), smoother.SmoothedCovariance(periods - 1)[0], 1e-9);
    }

    [TestMethod]
    public void MissingValuesAreSkippedNotReadAsZero()
    {
        // a random walk seen at t=0 and t=2 only: the smoothed level at t=1 lies between the two values
        var smoother = new KalmanSmoother(LocalLevel(1, 0.01, 100), [[true], [false], [true]]);
        var result = smoother.Smooth([[0.0], [double.NaN], [4.0]], covariances: true);
        Assert.AreEqual(2.0, result.Means[1][0], 0.01);
    }

    [TestMethod]
    public void SmootherMatchesDirectGaussianConditioningOnASmallSystem()
    {
        var ss = new StateSpace(2, 3);
        double[] t = [0.6, 0.2, 0.3, -0.4];
        double[] q = [1.0, 0.3, 0.3, 0.5];
        double[] z = [1.0, 0.0, 0.5, 1.2, -0.7, 0.4];
        Array.Copy(t, ss.Transition, 4);
        Array.Copy(q, ss.StateNoise, 4);
        Array.Copy(z, ss.Loadings, 6);
        ss.MeasurementNoise[0] = 0.2; ss.MeasurementNoise[1] = 0.5; ss.MeasurementNoise[2] = 0.1;
        ss.InitialMean[0] = 0.3; ss.InitialMean[1] = -0.2;
        ss.SetStationaryInitialCovariance();
        double[][] y =
        [
            [0.5, double.NaN, 1.0], [double.NaN, double.NaN, double.NaN], [-0.3, 0.8, double.NaN],
            [1.1, double.NaN, 0.2], [double.NaN, -0.4, 0.9], [0.0, 0.6, double.NaN],
        ];
        var present = y.Select(r => r.Select(double.IsFinite).ToArray()).ToArray();
        var result = new KalmanSmoother(ss, present).Smooth(y, covariances: true);
        var (mean, cov, logLikelihood) = DirectConditioning(ss, y);
        for (var period = 0; period < y.Length; period++)
            for (var a = 0; a < 2; a++)
            {
                Assert.AreEqual(mean[(period * 2) + a], result.Means[period][a], 1e-9, $"mean t={period} state {a}");
                for (var b = 0; b < 2; b++)
                {
                    Assert.AreEqual(cov[(period * 2) + a, (period * 2) + b], result.Covariances![period][(a * 2) + b], 1e-9, $"V t={period}");
                    if (period > 0)
                        Assert.AreEqual(cov[(period * 2) + a, ((period - 1) * 2) + b], result.LagCovariances![period][(a * 2) + b], 1e-9, $"lag cov t={period}");
                }
            }
        Assert.AreEqual(logLikelihood, result.LogLikelihood, 1e-9);
    }

    [TestMethod]
    public void StationaryInitialCovarianceSolvesTheLyapunovEquation()
    {
        var ss = new StateSpace(2, 1);
        ss.SetT(0, 0, 0.5); ss.SetT(0, 1, 0.3); ss.SetT(1, 0, 1);
        ss.SetQ(0, 0, 1);
        ss.SetStationaryInitialCovariance();
        var t = Matrix<double>.Build.Dense(2, 2, (i, j) => ss.T(i, j));
        var p = Matrix<double>.Build.Dense(2, 2, (i, j) => ss.InitialCovariance[(i * 2) + j]);
        var q = Matrix<double>.Build.Dense(2, 2, (i, j) => ss.StateNoise[(i * 2) + j]);
        Assert.IsTrue(((t * p * t.Transpose()) + q - p).FrobeniusNorm() < 1e-9);
    }

    /// <summary>E[α | y], Var(α | y) and log p(y) from the joint normal of all states and the present values.</summary>
    private static (double[] Mean, Matrix<double> Cov, double LogLikelihood) DirectConditioning(StateSpace ss, double[][] y)
    {
        var m = ss.States;
        var n = ss.Series;
        var periods = y.Length;
        var tm = Matrix<double>.Build.Dense(m, m, (i, j) => ss.Transition[(i * m) + j]);
        var q = Matrix<double>.Build.Dense(m, m, (i, j) => ss.StateNoise[(i * m) + j]);
        var zm = Matrix<double>.Build.Dense(n, m, (i, j) => ss.Loadings[(i * m) + j]);
        var sigma = Matrix<double>.Build.Dense(periods * m, periods * m);
        var mu = Vector<double>.Build.Dense(periods * m);
        var var = Matrix<double>.Build.Dense(m, m, (i, j) => ss.InitialCovariance[(i * m) + j]);
        var mean = Vector<double>.Build.DenseOfArray(ss.InitialMean);
        var variances = new List<Matrix<double>>();
        for (var t = 0; t < periods; t++)
        {
            variances.Add(var);
            mu.SetSubVector(t * m, m, mean);
            mean = tm * mean;
            var = (tm * var * tm.Transpose()) + q;
        }
        for (var t = 0; t < periods; t++)
        {
            var power = Matrix<double>.Build.DenseIdentity(m);
            for (var s = t; s < periods; s++)
            {
                var block = power * variances[t]; // Cov(α_s, α_t) = T^{s−t} Var(α_t)
                sigma.SetSubMatrix(s * m, t * m, block);
                sigma.SetSubMatrix(t * m, s * m, block.Transpose());
                power = tm * power;
            }
        }
        var rows = new List<(int T, int I)>();
        for (var t = 0; t < periods; t++) for (var i = 0; i < n; i++) if (double.IsFinite(y[t][i])) rows.Add((t, i));
        var g = Matrix<double>.Build.Dense(rows.Count, periods * m);
        for (var r = 0; r < rows.Count; r++) for (var a = 0; a < m; a++) g[r, (rows[r].T * m) + a] = zm[rows[r].I, a];
        var h = Matrix<double>.Build.DenseOfDiagonalArray(rows.Select(r => ss.MeasurementNoise[r.I]).ToArray());
        var syy = (g * sigma * g.Transpose()) + h;
        var say = sigma * g.Transpose();
        var observed = Vector<double>.Build.DenseOfEnumerable(rows.Select(r => y[r.T][r.I]));
        var surprise = observed - (g * mu);
        var gain = say * syy.Inverse();
        var logLikelihood = -0.5 * ((rows.Count * Math.Log(2 * Math.PI)) + Math.Log(syy.Determinant()) + surprise.DotProduct(syy.Solve(surprise)));
        return ((mu + (gain * surprise)).ToArray(), sigma - (gain * say.Transpose()), logLikelihood);
    }
}
