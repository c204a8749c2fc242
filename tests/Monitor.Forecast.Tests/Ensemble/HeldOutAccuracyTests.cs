using Monitor.Forecast.Ensemble;

namespace Monitor.Forecast.Tests.Ensemble;

/// <summary>The stored accuracy is scored on the latest origins, which neither choose the combination nor calibrate the bands.</summary>
[TestClass]
public sealed class HeldOutAccuracyTests
{
    private const int Horizon = 6;

    [TestMethod]
    public void A_break_in_the_latest_window_shows_in_the_held_out_coverage_but_is_hidden_when_it_also_calibrates()
    {
        var random = new Random(5);
        // every series jumps by 15 (about four of its standard deviations) over its last six values
        var inputs = Enumerable.Range(0, 80).Select(i => new SeriesInput($"s{i}", WithBreak(Ar1(random, 60)))).ToList();
        inputs.Add(new SeriesInput("short", Ar1(random, 13)));
        PipelineSettings Settings(int heldOut) => new() { Candidates = ["theta", "damped"], Origins = 2, HeldOutOrigins = heldOut };

        var honest = new ForecastPipeline(Settings(1)).Run(inputs, 1, Horizon);
        var flattering = new ForecastPipeline(Settings(0)).Run(inputs, 1, Horizon);

        var scores = honest.Validation.Take(80).Select(s => s!).ToList();
        Assert.IsTrue(scores.All(s => s is { OutOfSample: true, Origins: 1, Sample: "out-of-sample" }), "scored on the one held-out origin");
        Assert.AreEqual("in-sample", honest.Validation[80]!.Sample, "a series too short to hold an origin back is labelled in-sample");
        var heldOutCoverage = scores.Average(s => s.Cov80);
        var inSampleCoverage = flattering.Validation.Take(80).Average(s => s!.Cov80);
        Assert.IsLessThan(0.5, heldOutCoverage, $"bands calibrated before the break miss it (in-sample {inSampleCoverage:F2})");
        Assert.IsGreaterThan(heldOutCoverage + 0.2, inSampleCoverage, "calibrating on the scored window flatters the coverage");
    }

    private static double[] WithBreak(double[] y)
    {
        for (var t = y.Length - Horizon; t < y.Length; t++) y[t] += 15;
        return y;
    }

    private static double[] Ar1(Random random, int length)
    {
        var y = new double[length];
        var x = 0.0;
        for (var t = 0; t < length; t++)
        {
            x = (0.6 * x) + (Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            y[t] = 100 + (3 * x);
        }
        return y;
    }
}
