using Monitor.Testing;
using Monitor.Web.Pages.Indicator;
using Monitor.Web.Tests.Seeding;

namespace Monitor.Web.Tests.Pages.Indicator;

[TestClass]
public sealed class IndicatorQueryTests
{
    [TestMethod]
    public void Vintages_list_the_original_load_and_the_revision()
    {
        var store = SeededStore.Shared;

        var vintages = new IndicatorQuery(store).Vintages(WebSeed.RevisedSeries);

        CollectionAssert.AreEqual(new[] { WebSeed.Revised, WebSeed.Loaded }, vintages.ToArray());
    }

    [TestMethod]
    public void Model_shows_the_forecast_fan_and_backtest_accuracy()
    {
        var store = SeededStore.Shared;

        var model = new IndicatorQuery(store).Model("cn:pmi", asOf: null);

        Assert.IsNotNull(model);
        Assert.AreEqual("ets", model.Model);
        Assert.HasCount(6, model.Steps);
        Assert.IsTrue(model.Steps.All(s => s.Lo95 <= s.Lo80 && s.Lo80 <= s.Point && s.Point <= s.Hi80 && s.Hi80 <= s.Hi95));
        Assert.AreEqual(0.94, model.Accuracy!.Cov95);
    }

    [TestMethod]
    public void As_of_a_date_before_any_forecast_there_is_no_model()
    {
        var store = SeededStore.Shared;

        Assert.IsNull(new IndicatorQuery(store).Model("cn:pmi", WebSeed.Loaded.AddDays(-1)));
    }

    [TestMethod]
    public void Anomalies_lights_and_contributions_belong_to_the_series()
    {
        var store = SeededStore.Shared;
        var query = new IndicatorQuery(store);

        var anomalies = query.Anomalies(WebSeed.MacroId("industrial_va_yoy"));
        var lights = query.Lights("cn:pmi");
        var contributions = query.Contributions("cn:pmi");

        Assert.AreEqual("高于 95% 预测区间", anomalies.Single().ExplanationZh);
        Assert.HasCount(24, lights);
        Assert.AreEqual(WebSeed.LastMonth, lights[0].Period);
        Assert.AreEqual("warning_index", contributions.Single().Key);
    }
}
