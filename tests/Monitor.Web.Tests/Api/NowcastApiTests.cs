using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Store;
using Monitor.Web.Tests.Hosting;
using Monitor.Web.Tests.Seeding;

namespace Monitor.Web.Tests.Api;

/// <summary>/api/v1/nowcasts, their news and inputs, and the CSV export, in the composed host over the seeded nowcast history.</summary>
[TestClass]
public sealed class NowcastApiTests
{
    private static RunningHost _host = null!;
    private static long _update;

    [ClassInitialize]
    public static async Task Start(TestContext _)
    {
        _host = await RunningHost.StartAsync(seeded: false);
        _update = NowcastSeed.Fill(_host.Services.GetRequiredService<MonitorStore>());
    }

    [ClassCleanup]
    public static async Task Stop() => await _host.DisposeAsync();

    [TestMethod]
    [DataRow("/api/v1/nowcasts", 6)]
    [DataRow("/api/v1/nowcasts?target=sample_gdp", 5)]
    [DataRow("/api/v1/nowcasts?target=sample_gdp&quarter=2025-07-01", 2)]
    [DataRow("/api/v1/nowcasts?kind=update", 2)]
    [DataRow("/api/v1/nowcasts?status=failed", 1)]
    [DataRow("/api/v1/nowcasts?from=2025-11-01&to=2025-12-31", 2)]
    public async Task Nowcasts_are_filtered(string path, int expected)
    {
        using var planner = await _host.SignedInClient(RunningHost.PlannerUser);

        using var json = JsonDocument.Parse(await planner.GetStringAsync(path));

        Assert.AreEqual(expected, json.RootElement.GetProperty("total").GetInt64(), path);
    }

    [TestMethod]
    public async Task The_news_of_a_nowcast_and_its_revisions_add_up_to_its_move()
    {
        using var planner = await _host.SignedInClient(RunningHost.PlannerUser);

        using var nowcasts = JsonDocument.Parse(await planner.GetStringAsync("/api/v1/nowcasts?kind=update&status=ok"));
        using var news = JsonDocument.Parse(await planner.GetStringAsync($"/api/v1/nowcasts/{_update}/news"));
        using var inputs = JsonDocument.Parse(await planner.GetStringAsync($"/api/v1/nowcasts/{_update}/inputs"));

        var row = nowcasts.RootElement.GetProperty("items")[0];
        Assert.AreEqual("2025-10-01", row.GetProperty("quarter").GetString());
        Assert.AreEqual(3.0, row.GetProperty("low80").GetDouble());
        var impacts = news.RootElement.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("impact").GetDouble());
        Assert.AreEqual(row.GetProperty("mean").GetDouble() - row.GetProperty("previous_mean").GetDouble(), row.GetProperty("revision_effect").GetDouble() + impacts, 1e-9);
        Assert.AreEqual("china_sample:IVA_YOY", news.RootElement.GetProperty("items")[0].GetProperty("series_id").GetString(), "largest impact first in its block");
        Assert.AreEqual(3, inputs.RootElement.GetProperty("items").GetArrayLength());
    }

    [TestMethod]
    public async Task Unknown_nowcasts_bad_parameters_and_strangers_are_refused()
    {
        using var planner = await _host.SignedInClient(RunningHost.PlannerUser);
        using var stranger = _host.Client();

        Assert.AreEqual(HttpStatusCode.NotFound, (await planner.GetAsync("/api/v1/nowcasts/999999/news")).StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, (await planner.GetAsync("/api/v1/nowcasts?kind=guess")).StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, (await planner.GetAsync("/api/v1/nowcasts?quarter=2025Q4")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/v1/nowcasts")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await planner.GetAsync("/api/v1/nowcasts/export")).StatusCode, "exports need the analyst role");
    }

    [TestMethod]
    public async Task An_analyst_exports_the_path_and_the_news_as_csv()
    {
        using var analyst = await _host.SignedInClient(RunningHost.AnalystUser);

        var path = await analyst.GetAsync("/api/v1/nowcasts/export?target=sample_gdp");
        var news = await analyst.GetAsync("/api/v1/nowcasts/export?target=sample_gdp&table=news&quarter=2025-10-01");
        var bad = await analyst.GetAsync("/api/v1/nowcasts/export?table=everything");

        Assert.AreEqual(HttpStatusCode.OK, path.StatusCode);
        StringAssert.StartsWith(path.Content.Headers.ContentType!.MediaType, "text/csv");
        var pathBytes = await path.Content.ReadAsByteArrayAsync();
        CollectionAssert.AreEqual(new byte[] { 0xEF, 0xBB, 0xBF }, pathBytes.Take(3).ToArray(), "UTF-8 with BOM, as the other CSV exports");
        var pathLines = Encoding.UTF8.GetString(pathBytes, 3, pathBytes.Length - 3).TrimEnd().Split("\r\n");
        StringAssert.StartsWith(pathLines[0], "nowcast_id,target,target_series,quarter,info_date");
        Assert.HasCount(6, pathLines, "header and five nowcasts of sample_gdp");
        StringAssert.Contains(pathLines[5], ",2025-10-01,2025-12-15 00:00:00,");
        var newsLines = (await news.Content.ReadAsStringAsync()).TrimEnd().Split("\r\n");
        Assert.HasCount(4, newsLines, "header and three releases");
        StringAssert.Contains(newsLines[1], "china_sample:IVA_YOY,real,2025-11-01,4.8,5.4,0.25,-0.15");
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
