using Monitor.Core.Domain;
using Monitor.Warn.Anomalies;
using Monitor.Warn.Numerics;

namespace Monitor.Warn.Tests.Anomalies;

[TestClass]
public sealed class AnomalyDetectorTests
{
    private static readonly DateOnly Start = new(2010, 1, 1);

    [TestMethod]
    public void A_value_outside_the_95_interval_is_flagged_with_its_standardised_residual()
    {
        var inside = new OneStepForecast(Start, 10, 9, 11, 8.04, 11.96, 11.5, "m");
        var outside = new OneStepForecast(Start.AddMonths(1), 10, 9, 11, 8.04, 11.96, 13.92, "m");
        var found = IntervalAnomalyDetector.Detect("s", [inside, outside], fallback: false).ToList();
        Assert.HasCount(1, found);
        Assert.AreEqual(Start.AddMonths(1), found[0].Period);
        Assert.AreEqual(3.92 / 1.0, found[0].Score, 0.01);
        StringAssert.Contains(found[0].Explanation, "above the expected 10");
        StringAssert.Contains(found[0].ExplanationZh, "高于预期值");
    }

    [TestMethod]
    public void The_fallback_baseline_is_named_in_the_explanation()
    {
        var values = Enumerable.Range(0, 60).Select(t => 100 + Math.Sin(t)).ToArray();
        values[50] = 140;
        var baseline = NaiveOneStepBaseline.Compute(new RegularSeries(Start, Frequency.Monthly, values));
        var found = IntervalAnomalyDetector.Detect("s", baseline, fallback: true).ToList();
        Assert.IsTrue(found.Any(f => f.Period == Start.AddMonths(50)));
        StringAssert.Contains(found.First(f => f.Period == Start.AddMonths(50)).Explanation, "naive baseline");
    }

    [TestMethod]
    public void A_planted_level_shift_is_flagged_once_not_every_month_after()
    {
        // a forecaster that does not adapt: residuals jump from 0 to +2σ at month 40 and stay there
        var forecasts = Enumerable.Range(0, 100).Select(t => new OneStepForecast(Start.AddMonths(t), 0, null, null, -1.96, 1.96,
            (t >= 40 ? 2.0 : 0.0) + (0.3 * Math.Sin(t * 1.7)), "m")).ToList();
        var found = new CusumLevelShiftDetector().Detect("s", forecasts).ToList();
        Assert.HasCount(1, found);
        Assert.IsTrue(found[0].Period >= Start.AddMonths(40) && found[0].Period <= Start.AddMonths(45), found[0].Period.ToString());
        Assert.IsGreaterThan(1.5, found[0].Score);
        StringAssert.Contains(found[0].Explanation, "Level shift up");
    }

    [TestMethod]
    public void A_shift_back_down_is_a_new_regime_and_flagged_again()
    {
        // an adapting forecaster: residuals are off for 8 months after each shift, then back to zero
        var forecasts = Enumerable.Range(0, 120).Select(t => new OneStepForecast(Start.AddMonths(t), 0, null, null, -1.96, 1.96,
            t is >= 40 and < 48 ? 2.0 : t is >= 80 and < 88 ? -2.0 : 0.0, "m")).ToList();
        var found = new CusumLevelShiftDetector().Detect("s", forecasts).ToList();
        Assert.HasCount(2, found);
        Assert.IsLessThan(0, found[1].Score);
    }

    [TestMethod]
    public void A_planted_outlier_province_is_flagged_against_its_peers()
    {
        var panel = Enumerable.Range(0, 31).Select(i => new PanelValue($"p{i}", $"CN-{i:00}", 5 + (0.1 * (i % 7)))).ToList();
        panel[17] = panel[17] with { Change = -4 };
        var found = new CrossSectionOutlierDetector().Detect("GDP", Start, panel).ToList();
        Assert.HasCount(1, found);
        Assert.AreEqual("p17", found[0].SeriesId);
        Assert.IsLessThan(-3.5, found[0].Score);
        Assert.AreEqual(-4, found[0].Actual);
        Assert.AreEqual(5.2, found[0].Expected!.Value, 1e-9, "the peer median (16th of 31) is the expected value");
        StringAssert.Contains(found[0].ExplanationZh, "背离");
    }

    [TestMethod]
    public void Too_few_peers_give_no_cross_section_verdict()
    {
        var panel = new List<PanelValue> { new("a", "A", 1), new("b", "B", 1), new("c", "C", 50) };
        Assert.IsEmpty(new CrossSectionOutlierDetector().Detect("x", Start, panel).ToList());
    }

    [TestMethod]
    public void A_member_that_shifts_away_from_its_peers_is_flagged_when_it_leaves_not_every_month_it_stays_out()
    {
        // member p3 jumps to +10 (peers about 5) at month 6, stays there to month 14, is back with its peers for three
        // months and leaves again at month 18
        var periods = Enumerable.Range(0, 24).Select(t => (Start.AddMonths(t), (IReadOnlyList<PanelValue>)Enumerable.Range(0, 12)
            .Select(i => new PanelValue($"p{i}", $"M{i}", i == 3 && t is (>= 6 and < 15) or >= 18 ? 10 : 5 + (0.1 * ((i + t) % 5)))).ToList())).ToList();

        var found = new CrossSectionOutlierDetector().DetectNew("IVA", periods).ToList();

        CollectionAssert.AreEqual(new[] { Start.AddMonths(6), Start.AddMonths(18) }, found.Select(f => f.Period).ToArray());
        Assert.IsTrue(found.All(f => f.SeriesId == "p3"));
        Assert.AreEqual(15, periods.Sum(p => new CrossSectionOutlierDetector().Detect("IVA", p.Item1, p.Item2).Count()), "month by month it is out 15 times");
    }
}
