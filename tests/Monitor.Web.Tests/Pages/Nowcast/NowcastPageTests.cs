using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Store;
using Monitor.Web.Tests.Hosting;
using Monitor.Web.Tests.Seeding;

namespace Monitor.Web.Tests.Pages.Nowcast;

/// <summary>The Nowcast page in the composed host, over the seeded nowcast history.</summary>
[TestClass]
public sealed class NowcastPageTests
{
    private static RunningHost _host = null!;

    [ClassInitialize]
    public static async Task Start(TestContext _)
    {
        _host = await RunningHost.StartAsync(seeded: false);
        NowcastSeed.Fill(_host.Services.GetRequiredService<MonitorStore>());
    }

    [ClassCleanup]
    public static async Task Stop() => await _host.DisposeAsync();

    [TestMethod]
    public async Task A_stranger_is_sent_to_sign_in()
    {
        using var stranger = _host.Client();

        var response = await stranger.GetAsync("/Nowcast");

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.Contains(response.Headers.Location!.ToString(), "/Account/SignIn");
    }

    [TestMethod]
    public async Task Chinese_page_shows_the_quarter_its_band_the_path_chart_the_news_by_block_and_the_inputs()
    {
        using var planner = await _host.SignedInClient(RunningHost.PlannerUser);

        var html = await planner.GetStringAsync("/Nowcast");

        StringAssert.Contains(html, "样例面板 GDP 增速");
        StringAssert.Contains(html, "2025Q4: 4.89");
        StringAssert.Contains(html, "3 – 6.8", "the 80 % band of the update");
        StringAssert.Contains(html, "<svg", "the path chart");
        StringAssert.Contains(html, "实体经济", "news grouped by block");
        StringAssert.Contains(html, "china_sample:RETAIL_YOY");
        StringAssert.Contains(html, "-0.2", "the real block's news adds up (-0.15 - 0.05)");
        StringAssert.Contains(html, "已剔除", "the stopped indicator is shown as dropped");
        StringAssert.Contains(html, "stopped publishing");
        Assert.DoesNotContain("export-path", html, "a planner may not export");
    }

    [TestMethod]
    public async Task An_analyst_gets_the_export_links_in_English_and_a_failed_target_shows_its_reason()
    {
        using var analyst = await _host.SignedInClient(RunningHost.AnalystUser);
        await RunningHost.PostForm(analyst, "/Nowcast", "/Language", new Dictionary<string, string> { ["to"] = "en", ["returnUrl"] = "/Nowcast" });

        var html = await analyst.GetStringAsync("/Nowcast");
        var failed = await analyst.GetStringAsync("/Nowcast?target=us_gdp");
        var unknown = await analyst.GetAsync("/Nowcast?target=nothing");

        StringAssert.Contains(html, "News of the latest update, by release");
        StringAssert.Contains(html, "/api/v1/nowcasts/export?target=sample_gdp&amp;table=news");
        StringAssert.Contains(failed, NowcastSeed.FailureReason.Replace("'", "&#x27;", StringComparison.Ordinal));
        StringAssert.Contains(failed, "No nowcast yet.");
        Assert.AreEqual(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
