using Monitor.Nowcast.Model;

namespace Monitor.Nowcast.Tests.Model;

[TestClass]
public sealed class PastErrorBandTests
{
    [TestMethod]
    public void TheShiftedPanelKeepsTodaysPublicationLags()
    {
        var data = Enumerable.Range(0, 12).Select(t => new[] { t + 0.0, t + 100.0 }).ToArray();
        data[11][1] = double.NaN; // column 1 is a month behind column 0

        var shifted = PastErrorBand.Shifted(data, [11, 10], 3);

        Assert.HasCount(9, shifted);
        Assert.AreEqual(8.0, shifted[8][0], "column 0 ends 3 months before its last value");
        Assert.IsTrue(double.IsNaN(shifted[8][1]), "column 1 still a month behind");
        Assert.AreEqual(107.0, shifted[7][1]);
    }

    [TestMethod]
    public void TheBandIsTheRootMeanSquareErrorOfThePublishedQuartersNowcastWithTodaysLags()
    {
        var (spec, data, nowcaster) = Fitted();
        var target = spec.IndexOf("gdp");
        var period = data.Length - 1;
        // today: the target quarter and the one before are not yet out; three series end a month early
        data[period][target] = double.NaN;
        data[period - 3][target] = double.NaN;
        foreach (var i in new[] { 0, 1, 2 }) data[period][i] = double.NaN;
        var last = Enumerable.Range(0, data[0].Length).Select(i => Enumerable.Range(0, data.Length).Last(t => double.IsFinite(data[t][i]))).ToArray();

        var calibration = PastErrorBand.Calibrate(nowcaster, data, target, period, quarters: 2);

        // the quarter 3 months back is unpublished today, so the two scored are 6 and 9 months back
        var errors = new[] { 6, 9 }.Select(shift => data[period - shift][target] - nowcaster.Nowcast(PastErrorBand.Shifted(data, last, shift), target, period - shift).Mean).ToArray();
        Assert.AreEqual(2, calibration.Quarters);
        Assert.AreEqual(Math.Sqrt(errors.Average(e => e * e)), calibration.StandardDeviation, 1e-12);
    }

    [TestMethod]
    public void TheHistoryLimitsTheQuartersScoredAndOnlyTheSpreadChanges()
    {
        var (spec, data, nowcaster) = Fitted();
        var target = spec.IndexOf("gdp");
        var period = data.Length - 1;
        data[period][target] = double.NaN;

        var calibration = PastErrorBand.Calibrate(nowcaster, data, target, period, quarters: 1000);
        var model = nowcaster.Nowcast(data, target, period);
        var shown = PastErrorBand.Apply(model, calibration);

        Assert.AreEqual((period - 24) / 3, calibration.Quarters, "every published quarter with two years of history before it");
        Assert.AreEqual(calibration.StandardDeviation, shown.StandardDeviation);
        Assert.AreEqual(model.Mean, shown.Mean, "only the spread changes");
        Assert.IsTrue(calibration.ModelCovered <= calibration.Quarters);
    }

    [TestMethod]
    public void TooFewPublishedQuartersKeepTheModelsVariance()
    {
        var model = new NowcastDensity(2.0, 1.5);

        var shown = PastErrorBand.Apply(model, new PastErrorCalibration(0.4, PastErrorBand.MinimumQuarters - 1, 7));

        Assert.AreEqual(model, shown);
    }

    private static (DfmSpec Spec, double[][] Data, DfmNowcaster Nowcaster) Fitted()
    {
        var (spec, data) = DfmTests.Simulated(180);
        var fit = DfmEstimator.Fit(spec, data, new EmOptions(MaxIterations: 20));
        return (spec, data, new DfmNowcaster(fit.Parameters));
    }
}
