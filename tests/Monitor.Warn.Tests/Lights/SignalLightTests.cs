using Monitor.Core.Domain;
using Monitor.Warn.Lights;
using Monitor.Warn.Numerics;

namespace Monitor.Warn.Tests.Lights;

[TestClass]
public sealed class SignalLightTests
{
    private static readonly CheckPoints Fixed = new(-2, 0, 4, 6);

    [TestMethod]
    public void A_metric_crossing_each_check_point_walks_through_all_five_zones()
    {
        double[] metrics = [-3, -1, 2, 5, 7];
        CollectionAssert.AreEqual(new[] { 1, 2, 3, 4, 5 }, metrics.Select(m => Fixed.Points(m, false)).ToArray());
        CollectionAssert.AreEqual(new[] { "blue", "lightblue", "green", "yellow", "red" }, metrics.Select(m => LightColours.Colour(Fixed.Points(m, false))).ToArray());
    }

    [TestMethod]
    public void Counter_cyclical_indicators_are_flipped()
    {
        // high unemployment growth is cold, not hot
        Assert.AreEqual(1, Fixed.Points(7, counterCyclical: true));
        Assert.AreEqual(5, Fixed.Points(-3, counterCyclical: true));
        Assert.AreEqual(3, Fixed.Points(2, counterCyclical: true));
    }

    [TestMethod]
    public void Default_check_points_use_only_the_history_before_each_period()
    {
        // 4 years of steady 2 % growth then a 20 % jump: the jump is lit red from check points that never saw it
        var values = Enumerable.Range(0, 72).Select(t => 100 * Math.Pow(1.02, t / 12.0) * (1 + (0.001 * Math.Sin(t)))).ToList();
        values[71] *= 1.2;
        var series = new RegularSeries(new DateOnly(2000, 1, 1), Frequency.Monthly, values.ToArray());
        var lights = SignalLightCalculator.Compute(series, false, LightRule.Default);
        var last = lights[^1];
        Assert.AreEqual(new DateOnly(2005, 12, 1), last.Period);
        Assert.AreEqual(5, last.Points);
        Assert.IsLessThan(3, last.CheckPoints.C4, "check points come from the 2 % history only");
        Assert.AreEqual(new DateOnly(2004, 1, 1), lights[0].Period, "the first light needs 12 months for YoY and 36 months of history");
    }

    [TestMethod]
    public void Fixed_check_points_override_the_defaults()
    {
        var series = new RegularSeries(new DateOnly(2000, 1, 1), Frequency.Monthly, Enumerable.Range(0, 24).Select(t => 100.0 + t).ToArray());
        var lights = SignalLightCalculator.Compute(series, false, LightRule.Default with { Fixed = new CheckPoints(100, 200, 300, 400) });
        Assert.HasCount(12, lights);
        Assert.IsTrue(lights.All(l => l.Points == 1));
    }

    [TestMethod]
    public void Series_that_already_are_growth_rates_or_diffusion_indices_are_lit_on_their_own_value()
    {
        var series = new RegularSeries(new DateOnly(2010, 1, 1), Frequency.Monthly, [101.2, 102.5]);
        static SeriesInfo Info(string code, string name, string? zh, string? unit) =>
            new($"china_macro_monthly:{code}", "china_macro_monthly", code, name, zh, "macro", null, null, Frequency.Monthly, unit, null, null);
        Assert.AreEqual(LightMetricKind.Level, LightMetric.DefaultKind(Info("CN_CPI_IDX", "CPI national, index (same month of previous year=100)", "居民消费价格指数-全国-当月", "Index (same month prev. year=100)"), series));
        Assert.AreEqual(LightMetricKind.Level, LightMetric.DefaultKind(Info("CN_PMI_MFG", "Manufacturing PMI", "制造业PMI", "Index"), series));
        Assert.AreEqual(LightMetricKind.Level, LightMetric.DefaultKind(Info("CN_IVA_YOY", "Value added of industry, real growth y/y", null, "Percent y/y (real)"), series));
        Assert.AreEqual(LightMetricKind.YoyDifference, LightMetric.DefaultKind(Info("UNRATE", "Unemployment rate", null, "Percent"), series));
        Assert.AreEqual(LightMetricKind.YoyGrowth, LightMetric.DefaultKind(Info("CN_EXPORTS", "Exports of goods (customs), USD value", "当月出口额-金额", "Thousand USD"), series));
    }

    [TestMethod]
    public void Warning_index_is_100_when_every_light_is_green()
    {
        var composite = new CompositeLight().Combine(new DateOnly(2024, 1, 1), [new("a", 3, 1), new("b", 3, 2), new("c", 3, 0.5)]);
        Assert.IsNotNull(composite);
        Assert.AreEqual(100, composite.WarningIndex, 1e-12);
        Assert.AreEqual("green", composite.Colour);
        Assert.IsTrue(composite.Contributions.All(c => c.Contribution == 0));
    }

    [TestMethod]
    public void Warning_index_contributions_add_up_to_its_distance_from_100()
    {
        var composite = new CompositeLight().Combine(new DateOnly(2024, 1, 1), [new("a", 5, 1), new("b", 5, 1), new("c", 4, 2)])!;
        Assert.AreEqual(100 * 4.5 / 3, composite.WarningIndex, 1e-9);
        Assert.AreEqual("red", composite.Colour);
        Assert.AreEqual(composite.WarningIndex - 100, composite.Contributions.Sum(c => c.Contribution), 1e-9);
    }
}
