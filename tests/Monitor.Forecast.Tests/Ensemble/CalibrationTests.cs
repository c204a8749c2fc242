using Monitor.Forecast.Ensemble;
using Monitor.Forecast.Evaluation;

namespace Monitor.Forecast.Tests.Ensemble;

[TestClass]
public sealed class CalibrationTests
{
    [TestMethod]
    public void Conformal_bounds_cover_near_nominal_on_a_synthetic_AR_process()
    {
        const int horizon = 6;
        var random = new Random(11);
        var series = Enumerable.Range(0, 300).Select(_ => Ar1(random, 60 + horizon)).ToList();
        var inputs = series.Select((y, i) => new SeriesInput($"ar{i}", y[..^horizon])).ToList();
        var result = new ForecastPipeline(new PipelineSettings { Candidates = ["theta", "damped"], Origins = 3 }).Run(inputs, 1, horizon);
        double in80 = 0, in95 = 0;
        for (var i = 0; i < series.Count; i++)
        {
            var actual = series[i][^horizon..];
            var f = result.Forecasts[i];
            in80 += Metrics.Coverage(actual, f.Lo80, f.Hi80);
            in95 += Metrics.Coverage(actual, f.Lo95, f.Hi95);
        }
        Assert.AreEqual(0.80, in80 / series.Count, 0.06, "80 % coverage");
        Assert.AreEqual(0.95, in95 / series.Count, 0.035, "95 % coverage");
    }

    [TestMethod]
    public void Conformal_quantiles_use_the_finite_sample_rank()
    {
        var residuals = Enumerable.Range(-49, 99).Select(i => (double)i).ToList();
        var bands = ConformalBands.Calibrate([residuals]);
        var (lo95, lo80, hi80, hi95) = bands.Bounds(0, 0, 1);
        Assert.AreEqual(-48.0, lo95);   // ⌊0.025·100⌋ = 2nd smallest
        Assert.AreEqual(-40.0, lo80);
        Assert.AreEqual(40.0, hi80);    // ⌈0.9·100⌉ = 90th
        Assert.AreEqual(48.0, hi95);
    }

    [TestMethod]
    public void A_band_always_holds_its_own_point_even_when_every_residual_has_one_sign()
    {
        var residuals = Enumerable.Range(1, 99).Select(i => (double)i).ToList();
        var (lo95, lo80, hi80, hi95) = ConformalBands.Calibrate([residuals]).Bounds(0, 5, 1);

        Assert.AreEqual((5.0, 5.0, 95.0, 103.0), (lo95, lo80, hi80, hi95), "the lower bounds stop at the point; the upper ones keep their ranks");
    }

    private static double[] Ar1(Random random, int length)
    {
        var y = new double[length];
        var x = 0.0;
        for (var t = 0; t < length; t++)
        {
            x = 0.6 * x + Normal(random);
            y[t] = 100 + 3 * x;
        }
        return y;
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
