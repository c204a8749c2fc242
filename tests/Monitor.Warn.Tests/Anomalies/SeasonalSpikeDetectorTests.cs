using Monitor.Warn.Anomalies;

namespace Monitor.Warn.Tests.Anomalies;

[TestClass]
public sealed class SeasonalSpikeDetectorTests
{
    private static readonly DateOnly Calm = new(2020, 1, 1);
    private static readonly DateOnly Shock = new(2020, 2, 1);

    /// <summary>20 series, two months: in the calm month one series spikes (z = 6); in the shock month five do (25 % of them).</summary>
    private static List<SeasonalSeriesScores> Dataset() =>
        Enumerable.Range(0, 20).Select(i => new SeasonalSeriesScores($"s{i}", false,
        [
            new SeasonalScore(Calm, 10, 10, 6, 14, i == 3 ? 6 : 0.5),
            new SeasonalScore(Shock, 10, 10, 6, 14, i < 5 ? -5 : 0.5),
        ])).ToList();

    [TestMethod]
    public void A_lone_spike_is_flagged_and_a_month_shared_by_a_quarter_of_the_series_is_gated_as_a_common_shock()
    {
        var found = new SeasonalSpikeDetector(new SeasonalAnomalyOptions()).Detect(Dataset()).ToList();

        Assert.HasCount(1, found);
        Assert.AreEqual("s3", found[0].SeriesId);
        Assert.AreEqual(Calm, found[0].Period);
        Assert.AreEqual(AnomalyKinds.Seasonal, found[0].Kind);
        Assert.AreEqual(6.0, found[0].Score);
        StringAssert.Contains(found[0].Explanation, "above its seasonal expectation");
        StringAssert.Contains(found[0].ExplanationZh, "高于季节性预期值");
    }

    [TestMethod]
    public void Without_the_gate_the_shock_month_flags_every_series_in_it()
    {
        var found = new SeasonalSpikeDetector(new SeasonalAnomalyOptions { CommonShockShare = 1.0 }).Detect(Dataset()).ToList();

        Assert.HasCount(6, found);
        Assert.AreEqual(5, found.Count(f => f.Period == Shock));
    }

    [TestMethod]
    public void In_a_small_dataset_two_spikes_in_one_month_are_not_a_common_shock()
    {
        var dataset = Enumerable.Range(0, 4).Select(i => new SeasonalSeriesScores($"s{i}", false, [new SeasonalScore(Calm, 10, 10, 6, 14, i < 2 ? 5 : 0)])).ToList();

        Assert.HasCount(2, new SeasonalSpikeDetector(new SeasonalAnomalyOptions()).Detect(dataset).ToList());
    }
}
