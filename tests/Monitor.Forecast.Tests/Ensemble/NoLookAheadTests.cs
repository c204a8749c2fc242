using Monitor.Forecast.Backtest;
using Monitor.Forecast.Ensemble;
using Monitor.Forecast.Evaluation;

namespace Monitor.Forecast.Tests.Ensemble;

[TestClass]
public sealed class NoLookAheadTests
{
    [TestMethod]
    public void One_step_forecasts_do_not_change_when_the_value_they_predict_or_later_ones_change()
    {
        var random = new Random(2);
        var history = Enumerable.Range(0, 80).Select(t => 100 + t * 0.3 + 4 * Math.Sin(t * Math.PI / 6) + random.NextDouble()).ToArray();
        var backtest = new OneStepBacktest(["theta", "damped"], 12);
        var before = backtest.Run(history, 36);
        const int changedIndex = 60;
        var perturbed = (double[])history.Clone();
        for (var t = changedIndex; t < perturbed.Length; t++) perturbed[t] *= 3;
        var after = backtest.Run(perturbed, 36);
        Assert.HasCount(36, before);
        foreach (var (b, a) in before.Zip(after).Where(p => p.First.Index <= changedIndex))
        {
            Assert.AreEqual(b.Expected, a.Expected, 1e-12, $"index {b.Index}");
            Assert.AreEqual(b.Hi95, a.Hi95, 1e-12, $"index {b.Index}");
        }
        Assert.AreNotEqual(before.Single(o => o.Index == changedIndex + 1).Expected, after.Single(o => o.Index == changedIndex + 1).Expected);
    }

    [TestMethod]
    public void One_step_forecasts_of_a_series_without_January_never_use_the_value_they_predict()
    {
        var random = new Random(3);
        var history = Enumerable.Range(0, 84).Select(t => t % 12 == 0 ? double.NaN : 100 + t * 0.3 + 4 * Math.Sin(t * Math.PI / 6) + random.NextDouble()).ToArray();
        var backtest = new OneStepBacktest(["theta", "damped"], 12);
        var before = backtest.Run(history, 36);
        foreach (var changedIndex in new[] { 61, 62, 73 })
        {
            var perturbed = (double[])history.Clone();
            for (var t = changedIndex; t < perturbed.Length; t++) perturbed[t] *= 3;
            var after = backtest.Run(perturbed, 36);
            foreach (var (b, a) in before.Zip(after).Where(p => p.First.Index <= changedIndex))
            {
                Assert.AreEqual(b.Expected, a.Expected, 1e-12, $"index {b.Index}, changed from {changedIndex}");
                Assert.AreEqual(b.Lo95, a.Lo95, 1e-12, $"index {b.Index}, changed from {changedIndex}");
            }
        }
        Assert.HasCount(33, before, "36 periods minus the three unpublished Januaries");
        Assert.IsFalse(before.Any(o => o.Index % 12 == 0), "no one-step forecast for a January that is never published");
    }

    [TestMethod]
    public void Rolling_origins_never_end_on_a_January_interpolated_from_the_February_after_the_cut()
    {
        var history = Enumerable.Range(0, 48).Select(t => t % 12 == 0 ? double.NaN : 100.0 + t).ToArray();
        var prepared = PreparedSeries.From(new SeriesInput("s", history, 0), 12);

        Assert.AreEqual(47, prepared.Values.Length, "the leading January is trimmed");
        Assert.IsFalse(prepared.Observed[35], "grid index 36, a January, is prepared index 35");
        Assert.AreEqual(35, prepared.CutWithoutLookAhead(36), "a cut ending on the interpolated January moves before it");
        Assert.AreEqual(35, prepared.CutWithoutLookAhead(35), "a cut ending on a published December stays");
        Assert.AreEqual(37, prepared.CutWithoutLookAhead(37), "a cut ending on the Jan–Feb value stays");
    }

    [TestMethod]
    public void Backtest_forecasts_ignore_the_test_split()
    {
        var sample = McompSample.EveryKth(40);
        var perturbed = sample.Select(s => s with { Test = s.Test.Select(v => v * 10).ToArray() }).ToList();
        var settings = new PipelineSettings { Candidates = ["theta", "ets", "lgbm"] };
        var a = new BacktestRunner(settings).Run(sample, ["ensemble"]);
        var b = new BacktestRunner(settings).Run(perturbed, ["ensemble"]);
        var changedScores = a.Zip(b).Count(p => Math.Abs(p.First.Smape - p.Second.Smape) > 1e-9);
        Assert.IsGreaterThan(0, changedScores, "the scores see the perturbed test values");
        Assert.IsTrue(a.Zip(b).All(p => p.First.Model == p.Second.Model), "the same members are chosen");
        // The runner's score on the perturbed test split must be that of a forecast made from the train split alone:
        // a runner that let the test values reach the models would score a different forecast.
        var quarterly = perturbed.Where(s => s.Frequency == "Q").ToList();
        var trainOnly = new ForecastPipeline(settings).Run(quarterly.Select(s => new SeriesInput(s.Id, s.Train)).ToList(), 4, quarterly[0].Horizon, "ensemble");
        var scored = b.Where(s => s.Series.Frequency == "Q").ToList();
        Assert.HasCount(quarterly.Count, scored);
        for (var i = 0; i < quarterly.Count; i++)
        {
            var h = Math.Min(quarterly[i].Test.Length, trainOnly.Forecasts[i].Point.Length);
            var expected = Metrics.Smape(quarterly[i].Test.AsSpan(0, h), trainOnly.Forecasts[i].Point.AsSpan(0, h));
            Assert.AreEqual(expected, scored[i].Smape, 1e-9, quarterly[i].Id);
        }
    }
}
