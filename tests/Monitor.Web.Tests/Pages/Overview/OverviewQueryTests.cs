using Microsoft.Extensions.Configuration;
using Monitor.Testing;
using Monitor.Web.Pages.Overview;
using Monitor.Web.Tests.Seeding;

namespace Monitor.Web.Tests.Pages.Overview;

[TestClass]
public sealed class OverviewQueryTests
{
    private static readonly IConfiguration NoSettings = new ConfigurationBuilder().Build();

    [TestMethod]
    public void Board_has_a_row_per_national_indicator_and_the_last_24_months()
    {
        var store = SeededStore.Shared;

        var query = new OverviewQuery(store, NoSettings);
        var context = query.Economies();

        var board = query.Board(context, context.Default);

        Assert.HasCount(WebSeed.Macro.Length, board.Rows);
        Assert.HasCount(24, board.Periods);
        Assert.AreEqual(WebSeed.LastMonth, board.Periods[^1]);
        Assert.IsTrue(board.Rows.All(r => r.Cells.Count == 24), "every indicator has a light in every month");
    }

    [TestMethod]
    public void Headlines_give_at_least_ten_indicators_with_latest_value_and_light()
    {
        var store = SeededStore.Shared;

        var query = new OverviewQuery(store, NoSettings);
        var cards = query.Headlines(query.Economies(), "");

        Assert.IsGreaterThanOrEqualTo(10, cards.Count);
        Assert.IsTrue(cards.All(c => c.Value is not null && c.Colour is not null && c.Period == WebSeed.LastMonth));
        var cpi = cards.Single(c => c.SeriesId == WebSeed.RevisedSeries);
        var history = new Monitor.Core.Store.SeriesReader(store).History(WebSeed.RevisedSeries);
        Assert.AreEqual(history[^1].Value, cpi.Value, "the card shows the revised (current) value");
        Assert.AreEqual(history[^1].Value - history[^2].Value, cpi.Change!.Value.Value, 1e-9, "and what changed since the month before");
        Assert.IsTrue(cpi.Change.Value.Points, "a y/y rate changes in percentage points");
    }

    [TestMethod]
    public void Configured_headlines_keep_their_order()
    {
        var store = SeededStore.Shared;
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dashboard:Headline:0"] = "cn:pmi",
            ["Dashboard:Headline:1"] = "cn:cpi_yoy",
        }).Build();

        var query = new OverviewQuery(store, settings);
        var cards = query.Headlines(query.Economies(), "");

        CollectionAssert.AreEqual(new[] { "cn:pmi", "cn:cpi_yoy" }, cards.Select(c => c.SeriesId).ToArray());
    }

    [TestMethod]
    public void Index_alerts_and_freshness_come_from_the_store()
    {
        var store = SeededStore.Shared;
        var query = new OverviewQuery(store, NoSettings);

        var index = query.Index("");
        var alerts = query.TopAlertGroups("");
        var freshness = query.Freshness();

        Assert.AreEqual(WebSeed.LastMonth, index.Period);
        Assert.HasCount(2, index.TurningPoints);
        Assert.IsTrue(alerts.Groups.All(a => a.OpenMembers > 0), "groups of resolved alerts are not shown");
        Assert.HasCount(2, alerts.Groups);
        Assert.AreEqual(0L, alerts.More);
        var pboc = freshness.Single(f => f.Source == "pboc");
        Assert.IsNull(pboc.LastSucceeded);
        Assert.AreEqual("failed", pboc.LastStatus);
        Assert.AreEqual(12 + 31 + 20, freshness.Single(f => f.Source == "nbs").SeriesCount);
    }

    [TestMethod]
    public void Top_contributors_to_the_warning_index_are_largest_first()
    {
        var contributors = new OverviewQuery(SeededStore.Shared, NoSettings).TopContributors();

        Assert.HasCount(8, contributors);
        Assert.AreEqual("制造业采购经理指数", contributors[0].NameZh, "PMI's seeded contribution (50 / 10) is the largest");
        Assert.IsTrue(contributors.Zip(contributors.Skip(1)).All(p => Math.Abs(p.First.Contribution) >= Math.Abs(p.Second.Contribution)));
    }

    [TestMethod]
    public void An_empty_store_gives_empty_sections_not_errors()
    {
        using var test = TestStore.InMemory(WebSchemas.All);
        var query = new OverviewQuery(test.Store, NoSettings);

        var context = query.Economies();
        Assert.IsEmpty(query.Board(context, context.Default).Rows);
        Assert.IsEmpty(query.Headlines(context, context.Default));
        Assert.IsNull(query.Index(context.Default).Value);
        Assert.IsEmpty(query.TopAlertGroups(context.Default).Groups);
        Assert.IsEmpty(query.Freshness());
    }
}
