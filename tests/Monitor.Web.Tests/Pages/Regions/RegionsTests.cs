using Monitor.Testing;
using Monitor.Web.Pages.Regions;
using Monitor.Web.Tests.Seeding;

namespace Monitor.Web.Tests.Pages.Regions;

[TestClass]
public sealed class RegionsTests
{
    [TestMethod]
    public void The_tile_grid_has_31_provinces_each_in_its_own_cell()
    {
        Assert.HasCount(31, Provinces.All);
        Assert.HasCount(31, Provinces.All.Select(p => p.Iso).Distinct().ToList());
        Assert.HasCount(31, Provinces.All.Select(p => (p.Row, p.Column)).Distinct().ToList());
        Assert.IsTrue(Provinces.All.All(p => p.Row < Provinces.Rows && p.Column < Provinces.Columns));
    }

    [TestMethod]
    [DataRow("CN-BJ")]
    [DataRow("bj")]
    [DataRow("11")]
    [DataRow("110000")]
    public void Region_codes_in_iso_or_numeric_form_find_the_province(string code) =>
        Assert.AreEqual("北京", Provinces.Find(code)?.NameZh);

    [TestMethod]
    public void Readings_give_every_province_its_latest_value_growth_and_light()
    {
        var store = SeededStore.Shared;

        var readings = new RegionsQuery(store).Readings("retail_sales");

        Assert.HasCount(31, readings);
        Assert.IsTrue(readings.All(r => r.Period == WebSeed.LastMonth && r.Colour is not null && r.YearChange is { Points: false }), "retail sales (亿元) change in per cent");
        // Province index 6 grows 6 % a year in the seed; index 0 does not grow.
        Assert.AreEqual(6.0, readings.Single(r => r.RegionCode == Provinces.All[6].Iso).YearChange!.Value.Value, 0.05);
        Assert.AreEqual(0.0, readings.Single(r => r.RegionCode == Provinces.All[0].Iso).YearChange!.Value.Value, 0.05);
    }

    [TestMethod]
    public void A_province_lists_its_series()
    {
        var store = SeededStore.Shared;

        var series = new RegionsQuery(store).ProvinceSeries(["CN-GD", "GD", "44"]);

        Assert.AreEqual("广东社会消费品零售总额", series.Single().NameZh);
    }
}
