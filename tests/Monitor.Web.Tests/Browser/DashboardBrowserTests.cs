using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Present.Charts;
using Monitor.Testing;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Browser;

[TestClass]
public sealed class DashboardBrowserTests
{
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    /// <summary>One Chromium for the class: launching it costs seconds on this machine.</summary>
    private static async Task<IBrowser> SharedBrowser()
    {
        if (_browser is null) (_playwright, _browser) = await Browser.LaunchAsync();
        return _browser;
    }

    [ClassCleanup]
    public static async Task CloseBrowser()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    [TestMethod]
    public async Task Signing_in_shows_the_board_and_chinese_charts_then_english_on_request()
    {
        var host = await SharedHost.GetAsync();
        if (!host.Services.GetRequiredService<ChartFonts>().ChineseAvailable)
            CiRequirement.Missing("no CJK font installed (apt-get install fonts-wqy-microhei): charts are labelled in English");
        var browser = await SharedBrowser();
        var page = await Browser.SignedInPage(browser, host.Address, RunningHost.PlannerUser, RunningHost.UserPassword);

        Assert.AreEqual("总览", (await page.TextContentAsync("h1"))?.Trim());
        Assert.AreEqual(12, await page.Locator("#board tbody tr").CountAsync());
        Assert.IsGreaterThanOrEqualTo(10, await page.Locator("#headlines article.card img").CountAsync());
        StringAssert.Contains(await CardChart(page, "规模以上工业增加值同比"), "规模以上工业增加值同比", "the chart itself is labelled in Chinese");

        await page.ClickAsync("#language-switch");
        await page.WaitForSelectorAsync("h1:text-is('Overview')");

        StringAssert.Contains(await CardChart(page, "Industrial value added, YoY"), "Industrial value added, YoY");
        await page.GotoAsync("/Regions");
        Assert.AreEqual("Regions", (await page.TextContentAsync("h1"))?.Trim(), "the language choice persists across pages");
    }

    /// <summary>The SVG behind the card image whose alt text names <paramref name="seriesName"/>, fetched with the page's sign-in.</summary>
    private static async Task<string> CardChart(IPage page, string seriesName)
    {
        var image = page.Locator($"#headlines article.card img[alt^='{seriesName} ']");
        Assert.AreEqual(1, await image.CountAsync(), $"one card chart is announced as {seriesName}");
        // The image may still be downloading right after a navigation: wait for its load (or error) before judging it.
        const string loaded = "img => img.complete ? img.naturalWidth > 0 : new Promise(done => { img.addEventListener('load', () => done(img.naturalWidth > 0)); img.addEventListener('error', () => done(false)); })";
        Assert.IsTrue(await image.EvaluateAsync<bool>(loaded), "the browser loaded and drew the chart");
        var response = await page.APIRequest.GetAsync(await image.GetAttributeAsync("src") ?? "");
        Assert.AreEqual(200, response.Status);
        return await response.TextAsync();
    }

    [TestMethod]
    public async Task Every_page_shows_its_key_elements()
    {
        var host = await SharedHost.GetAsync();
        var browser = await SharedBrowser();
        var page = await Browser.SignedInPage(browser, host.Address, RunningHost.AdminUser, RunningHost.AdminPassword);

        await page.GotoAsync("/Indicator?id=cn%3Apmi");
        Assert.AreEqual(1, await page.Locator(".chart.wide svg").CountAsync());
        Assert.IsGreaterThan(1, await page.Locator("#asof option").CountAsync());
        await page.GotoAsync("/Regions");
        Assert.AreEqual(31, await page.Locator("#tilemap a.tile").CountAsync());
        Assert.AreEqual(31, await page.Locator("#ranking tbody tr").CountAsync());
        await page.ClickAsync("#tilemap a.tile >> text=广东");
        Assert.AreEqual(1, await page.Locator("h1:has-text('广东')").CountAsync());
        await page.GotoAsync("/Industries");
        Assert.AreEqual(20, await page.Locator("#heatmap tbody tr").CountAsync());
        await page.GotoAsync("/Data");
        Assert.AreEqual(1, await page.Locator("#ingest-runs li:has-text('m2.csv:4')").CountAsync());
        await page.GotoAsync("/Users");
        Assert.IsGreaterThanOrEqualTo(3, await page.Locator("#users tbody tr").CountAsync());
        var jobs = await page.GotoAsync("/hangfire");
        Assert.AreEqual(200, jobs!.Status);
    }

    [TestMethod]
    public async Task An_analyst_acknowledges_an_alert()
    {
        var host = await SharedHost.GetAsync();
        var browser = await SharedBrowser();
        var page = await Browser.SignedInPage(browser, host.Address, RunningHost.AnalystUser, RunningHost.UserPassword);

        await page.GotoAsync("/Alerts");
        await page.ClickAsync("details.alert-group:has(tr[data-alert='1']) > summary");
        await page.ClickAsync("tr[data-alert='1'] button.ack");
        await page.WaitForURLAsync(url => url.Contains("/Alerts?group=", StringComparison.Ordinal));

        StringAssert.Contains(await page.TextContentAsync("tr[data-alert='1'] td.state"), "已确认");
        StringAssert.Contains(await page.TextContentAsync("tr[data-alert='1'] td.state"), RunningHost.AnalystUser);
    }
}
