using System.Net;
using System.Text.Json;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Thread;

/// <summary>
/// The foundation's one thread, as a newcomer sees it: the real host with its Hangfire server starts on an empty DuckDB
/// file, loads data-samples/ (both releases) as chained jobs, forecasts, warns, and the overview shows the result
/// (and becomes the README's screenshot, docs/overview.png).
/// </summary>
[TestClass]
public sealed class WholeThreadTests
{
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task FirstStartLoadsTheSamplesAndTheOverviewShowsLightsAndChineseCharts()
    {
        await using var host = await RunningHost.StartAsync(seeded: false, settings: new Dictionary<string, string?>
        {
            ["JobStorage:RunServer"] = "true",
            ["JobStorage:PollInterval"] = "00:00:01",
            ["Pipeline:FirstStartSources:0"] = "samples",
            ["Pipeline:FirstStartSources:1"] = "samples-revision",
        });
        using var local = host.Client();

        var health = await WaitForStage(local, "warn", TimeSpan.FromMinutes(4));
        StringAssert.Contains(health.GetProperty("database").GetString(), host.Folder);

        using var planner = await host.SignedInClient(RunningHost.PlannerUser);
        var overview = await planner.GetStringAsync("/");
        StringAssert.Contains(overview, "规模以上工业增加值同比增长", "a national indicator by its Chinese name");
        StringAssert.Contains(overview, "城镇调查失业率");
        Assert.IsGreaterThanOrEqualTo(10, CountOf(overview, "<img src=\"/charts/series/"), "at least ten indicator charts");
        var chart = overview[(overview.IndexOf("<img src=\"/charts/", StringComparison.Ordinal) + 10)..];
        var svg = await planner.GetStringAsync(System.Net.WebUtility.HtmlDecode(chart[..chart.IndexOf('"')]));
        StringAssert.StartsWith(svg, "<svg", "server-rendered ScottPlot charts");
        Assert.IsTrue(new[] { "过热", "趋热", "正常", "趋冷", "过冷" }.Count(overview.Contains) >= 3, "signal colours carry their names");

        var indicator = await planner.GetAsync("/Indicator?id=" + Uri.EscapeDataString("china_sample:EXPORTS"));
        Assert.AreEqual(HttpStatusCode.OK, indicator.StatusCode);
        var indicatorHtml = await indicator.Content.ReadAsStringAsync();
        StringAssert.Contains(indicatorHtml, "出口总额");
        StringAssert.Contains(indicatorHtml, "id=\"accuracy-sample\">样本外", "the accuracy shown was scored on held-out origins, and says so");
        var api = await planner.GetStringAsync("/api/v1/forecasts?series=" + Uri.EscapeDataString("china_sample:EXPORTS"));
        StringAssert.Contains(api, "\"accuracy_sample\":\"out-of-sample\"");

        await Browser.ReadmeScreenshot.WriteAsync(host);
    }

    private static async Task<JsonElement> WaitForStage(HttpClient client, string stage, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            last = await client.GetStringAsync("/health/ready"); // details for callers on this machine
            var health = JsonDocument.Parse(last).RootElement;
            if (health.GetProperty("lastSuccessfulRun") is { ValueKind: JsonValueKind.Object } run && run.GetProperty("job").GetString() == stage) return health;
            await Task.Delay(500);
        }
        Assert.Fail($"the pipeline did not reach '{stage}' within {timeout}: last /health was {last}");
        return default;
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
