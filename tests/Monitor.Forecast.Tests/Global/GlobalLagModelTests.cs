using Monitor.Forecast.Global;

namespace Monitor.Forecast.Tests.Global;

[TestClass]
public sealed class GlobalLagModelTests
{
    private const int Horizon = 18;

    /// <summary>Seasonal series with trends and noise of their own: 3,000 of them give 54,000 rows to score.</summary>
    private static List<SeriesWindow> Panel(int count)
    {
        var random = new Random(5);
        return Enumerable.Range(0, count).Select(s =>
        {
            var level = 50 + random.NextDouble() * 100;
            var trend = (random.NextDouble() - 0.3) * 0.01;
            var values = Enumerable.Range(0, 96).Select(t => level * Math.Exp(trend * t) * (1 + 0.1 * Math.Sin(2 * Math.PI * t / 12)) * (1 + 0.03 * (random.NextDouble() - 0.5))).ToArray();
            return new SeriesWindow(values, s % 12);
        }).ToList();
    }

    [TestMethod]
    public void Scoring_on_several_threads_gives_exactly_the_one_thread_forecasts_in_the_same_order()
    {
        var panel = Panel(3000);
        Assert.IsGreaterThan(2 * GlobalLagModel.RowsPerExtraThread, panel.Count * Horizon, "enough rows for three slices");
        var model = new GlobalLagModel(12, Horizon);
        model.Train(panel);

        var single = model.Predict(panel);
        var threaded = model.Predict(panel, threads: 3);

        Assert.HasCount(panel.Count, threaded);
        for (var i = 0; i < panel.Count; i++) CollectionAssert.AreEqual(single[i], threaded[i], $"series {i}");
        Assert.AreNotEqual(single[0]![0], single[^1]![0], "the series get forecasts of their own");
    }

    [TestMethod]
    public void A_loaded_copy_scores_like_the_model_it_was_saved_from()
    {
        var panel = Panel(200);
        var model = new GlobalLagModel(12, Horizon);
        model.Train(panel);
        var copy = GlobalLagModel.Load(model.Save(), 12, Horizon);

        var expected = model.Predict(panel);
        var actual = copy.Predict(panel);
        for (var i = 0; i < panel.Count; i++) CollectionAssert.AreEqual(expected[i], actual[i], $"series {i}");
    }
}
