using Monitor.Forecast.Models;

namespace Monitor.Forecast.Tests.Models;

[TestClass]
public sealed class ThetaAndEtsTests
{
    private static readonly double[] Line = Enumerable.Range(1, 30).Select(t => 10.0 + 2 * t).ToArray();

    [TestMethod]
    public void Theta_on_a_straight_line_drifts_at_half_the_slope()
    {
        // Worked example: on y = 10 + 2t, SES tracks the last value (α → 1) and the theta-0 drift is b/2 = 1 per step.
        var forecast = StatisticalModels.Theta.Forecast(Line, 1, 3);
        Assert.AreEqual(Line[^1] + 1, forecast[0], 0.3);
        Assert.AreEqual(1.0, forecast[2] - forecast[1], 0.05);
    }

    [TestMethod]
    public void Holt_extends_a_straight_line_exactly()
    {
        var forecast = StatisticalModels.Holt.Forecast(Line, 1, 4);
        for (var k = 0; k < 4; k++) Assert.AreEqual(Line[^1] + 2 * (k + 1), forecast[k], 0.05);
    }

    [TestMethod]
    public void Ses_of_a_noisy_level_stays_near_its_mean()
    {
        var random = new Random(3);
        var y = Enumerable.Range(0, 60).Select(_ => 50 + random.NextDouble() * 2 - 1).ToArray();
        var forecast = StatisticalModels.Ses.Forecast(y, 1, 5);
        Assert.AreEqual(50, forecast[4], 0.6);
    }

    [TestMethod]
    public void Ets_prefers_a_trend_model_for_trending_data_and_a_level_model_for_noise()
    {
        var random = new Random(5);
        var trending = Enumerable.Range(0, 40).Select(t => 100 + 3.0 * t + random.NextDouble()).ToArray();
        var noise = Enumerable.Range(0, 40).Select(_ => 100 + random.NextDouble() * 4).ToArray();
        var trendFit = EtsSpec.All.Select(s => EtsFitter.Fit(trending, s)).MinBy(f => f.Aicc)!;
        var noiseFit = EtsSpec.All.Select(s => EtsFitter.Fit(noise, s)).MinBy(f => f.Aicc)!;
        Assert.AreNotEqual(TrendKind.None, trendFit.Spec.Trend);
        Assert.AreEqual(TrendKind.None, noiseFit.Spec.Trend);
    }
}
