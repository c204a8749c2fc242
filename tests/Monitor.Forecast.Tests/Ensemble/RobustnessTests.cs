using Monitor.Forecast.Ensemble;

namespace Monitor.Forecast.Tests.Ensemble;

[TestClass]
public sealed class RobustnessTests
{
    private static readonly PipelineSettings Statistical = new() { Candidates = ["theta", "damped", "ets"] };

    private static SeriesForecast Run(double[] history, int seasonLength = 12, int horizon = 6, PipelineSettings? settings = null)
    {
        var peers = Enumerable.Range(0, 12).Select(s => new SeriesInput($"peer{s}", Enumerable.Range(0, 60).Select(t => 100 + s + t * 0.5 + 5 * Math.Sin(t + s)).ToArray()));
        var result = new ForecastPipeline(settings ?? Statistical).Run([new SeriesInput("x", history), .. peers], seasonLength, horizon);
        var forecast = result.Forecasts[0];
        Assert.HasCount(horizon, forecast.Point);
        foreach (var values in new[] { forecast.Point, forecast.Lo80, forecast.Hi80, forecast.Lo95, forecast.Hi95 })
            Assert.IsTrue(values.All(double.IsFinite), $"{forecast.Model}: every value finite");
        for (var k = 0; k < horizon; k++)
        {
            Assert.IsLessThanOrEqualTo(forecast.Lo80[k] + 1e-9 * Math.Abs(forecast.Point[k]), forecast.Lo95[k]);
            Assert.IsGreaterThanOrEqualTo(forecast.Hi80[k] - 1e-9 * Math.Abs(forecast.Point[k]), forecast.Hi95[k]);
        }
        return forecast;
    }

    [TestMethod]
    public void Missing_values_inside_and_at_the_ends_are_bridged()
    {
        var history = Enumerable.Range(0, 48).Select(t => t is 10 or 11 or 30 or 0 or 47 ? double.NaN : 50 + t).ToArray();
        var forecast = Run(history);
        Assert.IsNull(forecast.FallbackReason);
        Assert.IsGreaterThan(90.0, forecast.Point[0], "the trend survives the gaps");
    }

    [TestMethod]
    public void Short_series_get_a_forecast_and_too_short_ones_say_why()
    {
        Assert.IsNull(Run([5, 6, 7, 8, 9, 10, 11, 12]).FallbackReason, "8 points: below two seasons, but modelled");
        StringAssert.Contains(Run([5, 6]).FallbackReason, "only 2");
    }

    [TestMethod]
    public void Constant_series_falls_back_to_naive_with_zero_width_bounds()
    {
        var forecast = Run(Enumerable.Repeat(7.0, 40).ToArray());
        StringAssert.Contains(forecast.FallbackReason, "constant");
        Assert.AreEqual(7.0, forecast.Point[3], 1e-12);
        Assert.AreEqual(7.0, forecast.Hi95[3], 1e-12);
    }

    [TestMethod]
    public void Zeros_and_negatives_are_forecast_without_the_log_based_global_model()
    {
        var history = Enumerable.Range(0, 48).Select(t => 10 * Math.Sin(t / 3.0) + (t % 7 == 0 ? 0 : -2)).ToArray();
        var forecast = Run(history, settings: new PipelineSettings { Candidates = ["theta", "lgbm"], Origins = 1 });
        Assert.IsTrue(forecast.Lo95.Any(v => v < 0), "negative data keep negative bounds (no clipping at zero)");
    }

    [TestMethod]
    public void Huge_magnitudes_scale_like_small_ones()
    {
        var small = Enumerable.Range(0, 40).Select(t => 3.0 + t * 0.1 + (t % 3) * 0.05).ToArray();
        var a = Run(small);
        var b = Run(small.Select(v => v * 1e12).ToArray());
        Assert.AreEqual(a.Point[5] * 1e12, b.Point[5], 1e-6 * b.Point[5]);
    }

    [TestMethod]
    public void A_level_shift_at_the_end_moves_the_forecast_to_the_new_level()
    {
        var history = Enumerable.Range(0, 48).Select(t => t < 44 ? 100.0 + (t % 2) : 200.0 + (t % 2)).ToArray();
        var forecast = Run(history);
        Assert.IsGreaterThan(150.0, forecast.Point[0]);
    }

    [TestMethod]
    public void Nothing_but_missing_values_is_reported_not_thrown()
    {
        var forecast = new ForecastPipeline(Statistical).Run([new SeriesInput("x", [double.NaN, double.NaN])], 1, 3).Forecasts[0];
        StringAssert.Contains(forecast.FallbackReason, "no finite values");
    }
}
