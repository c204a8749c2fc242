using Monitor.Core.Domain;
using Monitor.Warn.Sets;
using Monitor.Web.Pages.Overview;

namespace Monitor.Web.Tests.Pages.Overview;

/// <summary>The overview's default economy: the configured one when the store has it, else the most set indicators.</summary>
[TestClass]
public sealed class EconomyContextTests
{
    // the US has more set indicators and more series than China here
    private static readonly SeriesInfo[] Catalogue =
    [
        Series("us:a", "US"), Series("us:b", "US"), Series("us:c", "US"),
        Series("cn:a", "CN"), Series("cn:b", "CN"),
    ];

    private static readonly IndicatorSet[] Sets =
    [
        new() { Code = "us", Economy = "US", Members = [new() { SeriesId = "us:a" }, new() { SeriesId = "us:b" }, new() { SeriesId = "us:c" }] },
        new() { Code = "cn", Economy = "CN", Members = [new() { SeriesId = "cn:a" }, new() { SeriesId = "cn:missing" }] },
    ];

    [TestMethod]
    public void The_configured_economy_is_the_default_when_the_store_has_it()
    {
        var context = new EconomyContext(Catalogue, Sets, preferred: "CN");

        Assert.AreEqual("CN", context.Default);
        CollectionAssert.AreEqual(new[] { "CN", "US" }, context.Choices.Select(c => c.Code).ToArray(), "the switch starts with the default");
    }

    [TestMethod]
    public void Without_a_configured_economy_the_one_with_most_set_indicators_is_the_default()
    {
        Assert.AreEqual("US", new EconomyContext(Catalogue, Sets, preferred: "").Default);
        Assert.AreEqual("US", new EconomyContext(Catalogue, Sets).Default);
    }

    [TestMethod]
    public void A_configured_economy_the_store_lacks_falls_back_to_the_rule()
    {
        Assert.AreEqual("US", new EconomyContext(Catalogue, Sets, preferred: "DE").Default);
        Assert.AreEqual("", new EconomyContext([], Sets, preferred: "CN").Default);
    }

    private static SeriesInfo Series(string id, string country) =>
        new(id, id.Split(':')[0], id.Split(':')[1], id, null, "macro", null, null, Frequency.Monthly, null, null, null, country);
}
