using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Store;
using Monitor.Web.Pages.Overview;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Board;

/// <summary>
/// Issue #15 on real data: the three real datasets in a fresh store, forecast and warned; the overview of each economy
/// comes from its indicator set, each 预警指数 from its own economy only, and late data is one alert group per source.
/// </summary>
[TestClass]
public sealed partial class RealDataBoardTests
{
    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task The_China_overview_shows_the_China_set_one_card_per_indicator()
    {
        var host = await RealDataHost.GetAsync();
        var query = host.Services.GetRequiredService<OverviewQuery>();
        var context = query.Economies();
        var set = context.Sets.For("CN")!;
        var present = set.Members.Select(m => m.SeriesId).Where(id => context.Catalogue.Any(s => s.SeriesId == id)).ToList();

        using var planner = await host.SignedInClient(RunningHost.PlannerUser);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var page = await planner.GetStringAsync("/");
        var cold = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        _ = await planner.GetStringAsync("/");
        // figures for docs/benchmarks.md (issue #15): overview render on the real datasets, cold and warm
        Console.WriteLine($"overview render: cold {cold:F0} ms, warm {watch.Elapsed.TotalMilliseconds:F0} ms");
        Console.WriteLine($"China set: {present.Count} of {set.Members.Count} members in the store; missing: {string.Join(", ", context.Sets.Missing(set))}");

        Assert.AreEqual("CN", context.Default, "China is the default economy (Overview:DefaultEconomy) when the store holds it");
        Assert.AreEqual("cn", set.Code, "the China set (china_macro_monthly), not the sample's");
        Assert.IsGreaterThanOrEqualTo(10, present.Count);
        CollectionAssert.AreEquivalent(present, CardIds(page), "one card per indicator of the set, nothing else");
        Assert.IsTrue(BoardIds(page).Take(present.Count).All(present.Contains), "the board starts with the set");
    }

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task The_US_view_shows_the_US_set()
    {
        var host = await RealDataHost.GetAsync();
        var context = host.Services.GetRequiredService<OverviewQuery>().Economies();
        var present = context.Sets.For("US")!.Members.Select(m => m.SeriesId).Where(id => context.Catalogue.Any(s => s.SeriesId == id)).ToList();

        using var planner = await host.SignedInClient(RunningHost.PlannerUser);
        var page = await planner.GetStringAsync("/?economy=US");

        Assert.IsGreaterThanOrEqualTo(10, present.Count);
        CollectionAssert.AreEquivalent(present, CardIds(page));
        Assert.IsFalse(BoardIds(page).Any(id => id.StartsWith("china_", StringComparison.Ordinal)), "no Chinese series on the US board");
    }

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task Each_economy_s_warning_index_uses_only_its_own_series()
    {
        var host = await RealDataHost.GetAsync();
        var store = host.Services.GetRequiredService<MonitorStore>();

        var economies = Rows(store, """
            SELECT c.index_code, string_agg(DISTINCT e.economy, ',' ORDER BY e.economy)
            FROM composite_contributions c JOIN series_economies e USING (series_id)
            WHERE c.index_code LIKE 'warning_index%' GROUP BY c.index_code ORDER BY 1
            """);

        CollectionAssert.Contains(economies, "warning_index_cn=CN");
        CollectionAssert.Contains(economies, "warning_index_us=US");
        Assert.IsTrue(economies.All(e => e.Split('=')[1].Split(',').Length == 1), string.Join("; ", economies));
    }

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task Data_not_arrived_is_one_alert_group_per_source()
    {
        var host = await RealDataHost.GetAsync();
        var store = host.Services.GetRequiredService<MonitorStore>();

        var groups = Rows(store, """
            SELECT group_key, count(*) FROM alert_group_members WHERE rule = 'no_data' AND state <> 'resolved' GROUP BY group_key ORDER BY 1
            """);
        var late = Rows(store, """
            SELECT DISTINCT 'source:' || s.dataset FROM alerts a JOIN series s USING (series_id) WHERE a.rule = 'no_data' AND a.state <> 'resolved' ORDER BY 1
            """);

        Assert.IsNotEmpty(late, "the real datasets end in 2024–2025, so some data is late");
        // figures for docs/benchmarks.md (issue #15): unresolved alerts (what the overview listed one by one before) and their groups
        Console.WriteLine("open alerts / open groups: " + string.Join(", ", Rows(store, """
            SELECT count(*) FILTER (WHERE state <> 'resolved'), count(DISTINCT group_key) FILTER (WHERE state <> 'resolved'),
                   count(*) FILTER (WHERE state <> 'resolved' AND rule = 'no_data'), count(DISTINCT group_key) FILTER (WHERE state <> 'resolved' AND rule = 'no_data')
            FROM alert_group_members
            """)));
        CollectionAssert.AreEqual(late, groups.Select(g => g.Split('=')[0]).ToList(), "one group per source with late series");
        Assert.IsTrue(groups.Any(g => int.Parse(g.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture) > 50), "FRED-MD's late series are one group");
    }

    private static List<string> CardIds(string page) =>
        CardLink().Matches(page).Select(m => Uri.UnescapeDataString(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))).ToList();

    private static List<string> BoardIds(string page) =>
        BoardRow().Matches(page).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    private static List<string> Rows(MonitorStore store, string sql)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(string.Join('=', Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
        return rows;
    }

    [GeneratedRegex("<article class=\"card\">\\s*<h3><a href=\"/Indicator\\?id=([^\"]+)\"")]
    private static partial Regex CardLink();

    [GeneratedRegex("<tr data-series=\"([^\"]+)\"")]
    private static partial Regex BoardRow();
}
