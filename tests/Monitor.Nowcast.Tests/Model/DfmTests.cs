using Monitor.Nowcast.Model;
using Monitor.Testing;

namespace Monitor.Nowcast.Tests.Model;

[TestClass]
public sealed class DfmTests
{
    /// <summary>The simulated panel of <see cref="NowcastTestPanel"/> with a one-factor AR(1) spec.</summary>
    internal static (DfmSpec Spec, double[][] Data) Simulated(int periods = 240, int seed = 7)
    {
        var data = NowcastTestPanel.Simulate(periods, seed);
        var series = Enumerable.Range(0, 6).Select(i => new DfmSeries($"m{i}", false, [0])).Append(new DfmSeries("gdp", true, [0])).ToList();
        return (new DfmSpec(series, ["global"], factorOrder: 1), data);
    }

    [TestMethod]
    public void QuarterlySeriesLoadOnFiveMonthsWithMarianoMurasawaWeights()
    {
        var (spec, data) = Simulated(60);
        var parameters = DfmInitializer.Initial(spec, data);
        var ss = parameters.ToStateSpace();
        var gdp = spec.IndexOf("gdp");
        var row = Enumerable.Range(0, ss.States).Select(s => ss.Loadings[(gdp * ss.States) + s]).ToArray();
        var lambda = parameters.Loadings[gdp][0];
        CollectionAssert.AreEqual(new[] { 1, 2, 3, 2, 1 }.Select(w => w * lambda).ToArray(), row[..5]);
        CollectionAssert.AreEqual(new double[] { 1, 2, 3, 2, 1 }, row[spec.IdioState[gdp]..(spec.IdioState[gdp] + 5)]);
    }

    [TestMethod]
    public void EmRaisesTheLikelihoodAndFindsTheFactor()
    {
        var (spec, data) = Simulated();
        var start = DfmInitializer.Initial(spec, data);
        var one = DfmEstimator.Fit(spec, data, new EmOptions(MaxIterations: 1));
        var fit = DfmEstimator.Fit(spec, data, new EmOptions(MaxIterations: 100));
        Assert.IsNull(fit.Problem);
        Assert.IsTrue(fit.LogLikelihood > one.LogLikelihood, $"{fit.LogLikelihood} vs {one.LogLikelihood}");
        // the third series loads negatively, the others positively; the factor's persistence is near 0.7
        Assert.IsTrue(fit.Parameters.Loadings[2][0] < 0 && fit.Parameters.Loadings[0][0] > 0);
        Assert.AreEqual(0.7, fit.Parameters.FactorAr[0][0], 0.12);
        Assert.IsTrue(start.IsFinite());
    }

    [TestMethod]
    public void AcceleratedEmClimbsHigherOnTheSameBudgetAndNeverFalls()
    {
        var (spec, data) = Simulated();
        var plain = DfmEstimator.Fit(spec, data, new EmOptions(MaxIterations: 60, Tolerance: 1e-12));
        var accelerated = DfmEstimator.Fit(spec, data, new EmOptions(MaxIterations: 60, Tolerance: 1e-12, Accelerate: true));

        Assert.IsNull(accelerated.Problem);
        Assert.IsTrue(accelerated.Iterations <= 60, $"{accelerated.Iterations} E-steps");
        Assert.IsTrue(accelerated.LogLikelihood > plain.LogLikelihood + 1e-3, $"{accelerated.LogLikelihood} vs {plain.LogLikelihood}");
        // an EM step itself may lose a little (the stationary initial covariance moves with the parameters and the M-step
        // ignores it), which EM tolerates up to 1e-6 relative; an extrapolation must never lose
        for (var k = 1; k < accelerated.Trace.Count; k++)
            Assert.IsTrue(accelerated.Trace[k] >= accelerated.Trace[k - 1] - (1e-6 * Math.Abs(accelerated.Trace[k - 1])), $"the likelihood fell at point {k}: {accelerated.Trace[k - 1]} → {accelerated.Trace[k]}");
    }

    [TestMethod]
    public void NewsAddsUpToTheRevision()
    {
        var (spec, data) = Simulated(180);
        var fit = DfmEstimator.Fit(spec, data, new EmOptions(MaxIterations: 20));
        var nowcaster = new DfmNowcaster(fit.Parameters);
        var target = spec.IndexOf("gdp");
        var period = data.Length - 1;
        var newData = data.Select(r => (double[])r.Clone()).ToArray();
        newData[period][target] = double.NaN;
        // the old information set lacks the last two months of three series and one revised value
        var oldData = newData.Select(r => (double[])r.Clone()).ToArray();
        foreach (var i in new[] { 0, 2, 4 }) { oldData[period][i] = double.NaN; oldData[period - 1][i] = double.NaN; }
        oldData[period - 5][1] += 0.8;
        var news = nowcaster.News(oldData, newData, target, period);
        Assert.AreEqual(6, news.Items.Count);
        Assert.AreNotEqual(0.0, news.RevisionEffect);
        Assert.IsTrue(Math.Abs(news.Revision) > 1e-3);
        Assert.AreEqual(news.Revision, news.Explained, 1e-9);
    }

    [TestMethod]
    public void ANowcastStartedFromTheSharedPeriodsEqualsTheFullOne()
    {
        var (spec, data) = Simulated(180);
        var nowcaster = new DfmNowcaster(DfmEstimator.Fit(spec, data, new EmOptions(MaxIterations: 20)).Parameters);
        var target = spec.IndexOf("gdp");
        var prefix = nowcaster.Prefix(data);
        // a panel as it was 7 months ago: shorter, with its last months ragged (some series and the quarter not yet out)
        var period = data.Length - 1 - 7;
        var earlier = data[..(period + 1)].Select(r => (double[])r.Clone()).ToArray();
        foreach (var i in new[] { 0, 3 }) { earlier[period][i] = double.NaN; earlier[period - 1][i] = double.NaN; }
        earlier[period][target] = double.NaN;
        earlier[period - 4][2] = double.NaN;

        var full = nowcaster.Nowcast(earlier, target, period);
        var started = nowcaster.Nowcast(earlier, target, period, prefix);

        Assert.AreEqual(period - 4, prefix.SharedPeriods(earlier));
        Assert.AreEqual(full.Mean, started.Mean, 1e-9);
        Assert.AreEqual(full.StandardDeviation, started.StandardDeviation, 1e-9);
        // a panel that differs from the first period on is filtered whole
        var revised = data.Select(r => (double[])r.Clone()).ToArray();
        revised[0][1] += 1;
        Assert.AreEqual(0, prefix.SharedPeriods(revised));
        Assert.AreEqual(nowcaster.Nowcast(revised, target, data.Length - 1).Mean, nowcaster.Nowcast(revised, target, data.Length - 1, prefix).Mean, 1e-12);
    }

    [TestMethod]
    public void IntervalWidensWhenLessIsKnown()
    {
        var (spec, data) = Simulated(180);
        var fit = DfmEstimator.Fit(spec, data, new EmOptions(MaxIterations: 20));
        var nowcaster = new DfmNowcaster(fit.Parameters);
        var target = spec.IndexOf("gdp");
        var period = data.Length - 1;
        var known = data.Select(r => (double[])r.Clone()).ToArray();
        known[period][target] = double.NaN;
        var less = known.Select(r => (double[])r.Clone()).ToArray();
        for (var i = 0; i < 6; i++) { less[period][i] = double.NaN; less[period - 1][i] = double.NaN; }
        var full = nowcaster.Nowcast(known, target, period);
        var ragged = nowcaster.Nowcast(less, target, period);
        Assert.IsTrue(ragged.StandardDeviation > full.StandardDeviation);
        var (low, high) = full.Interval(0.8);
        Assert.AreEqual(2 * 1.2815515655 * full.StandardDeviation, high - low, 1e-6);
    }

    [TestMethod]
    public void SeriesWithTooFewValuesIsARecordedReason()
    {
        var (spec, data) = Simulated(60);
        foreach (var row in data.Skip(1)) row[6] = double.NaN;
        var error = Assert.ThrowsExactly<NowcastDataException>(() => DfmEstimator.Fit(spec, data));
        StringAssert.Contains(error.Message, "gdp");
    }
}

[TestClass]
public sealed class SteadyStateReuseTests
{
    [TestMethod]
    public void ReusingTheSteadyStateChangesNothing()
    {
        var (spec, data) = DfmTests.Simulated(150);
        var parameters = DfmInitializer.Initial(spec, data);
        var y = DfmInitializer.Standardised(parameters, data);
        data[^1][0] = double.NaN; // a ragged end after the steady stretch
        y[^1][0] = double.NaN;
        var present = y.Select(r => r.Select(double.IsFinite).ToArray()).ToArray();
        var ss = parameters.ToStateSpace();
        var reusing = new KalmanSmoother(ss, present);
        Assert.IsTrue(reusing.ReusedPeriods > 100, $"{reusing.ReusedPeriods}");
        var fast = reusing.Smooth(y, covariances: true);
        var slow = new KalmanSmoother(ss, present, reuseSteadyState: false).Smooth(y, covariances: true);
        Assert.AreEqual(slow.LogLikelihood, fast.LogLikelihood, 1e-7);
        for (var t = 0; t < y.Length; t++)
        {
            for (var a = 0; a < ss.States; a++) Assert.AreEqual(slow.Means[t][a], fast.Means[t][a], 1e-8, $"mean t={t}");
            Assert.AreEqual(0, slow.Covariances![t].Zip(fast.Covariances![t], (x, z) => Math.Abs(x - z)).Max(), 1e-8, $"V t={t}");
            if (t > 0) Assert.AreEqual(0, slow.LagCovariances![t].Zip(fast.LagCovariances![t], (x, z) => Math.Abs(x - z)).Max(), 1e-8, $"lag t={t}");
        }
    }
}
