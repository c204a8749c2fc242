using Microsoft.Playwright;
using Monitor.Testing;
using Monitor.Web.Tests.Board;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Browser;

/// <summary>Issue #15 in a browser, on the three real datasets: the economy switch and an alert group opened from the overview.</summary>
[TestClass]
public sealed class BoardBrowserTests
{
    private const int MaxScreenshotBytes = 400 * 1024;

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task A_planner_switches_from_China_to_the_US_and_opens_an_alert_group()
    {
        var host = await RealDataHost.GetAsync();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Browser.SignedInPage(browser, host.Address, RunningHost.PlannerUser, RunningHost.UserPassword, 1280, 1650);

        Assert.AreEqual("CN", await page.GetAttributeAsync("#economies a.current", "data-economy"), "the overview opens on China");
        var china = await CardSeries(page);
        await Screenshot(page, "board-china.png");

        await page.ClickAsync("#economies a[data-economy='US']");
        await page.WaitForURLAsync(url => url.EndsWith("/?economy=US", StringComparison.Ordinal));
        var us = await CardSeries(page);

        Assert.IsTrue(china.Count >= 10 && china.All(id => id.StartsWith("china_macro_monthly:", StringComparison.Ordinal)), string.Join(", ", china));
        Assert.IsTrue(us.Count >= 10 && us.All(id => id.StartsWith("fred_md:", StringComparison.Ordinal)), string.Join(", ", us));
        Assert.AreEqual("US", await page.GetAttributeAsync("#economies a.current", "data-economy"));

        var top = page.Locator("#alert-groups li").First;
        var key = await top.GetAttributeAsync("data-group");
        await top.Locator("a").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Alerts?group=", StringComparison.Ordinal));
        var group = page.Locator($"details.alert-group[data-group='{key}']");

        Assert.IsTrue(await group.EvaluateAsync<bool>("d => d.open"), "the group opens to its members");
        Assert.IsGreaterThanOrEqualTo(1, await group.Locator("tbody tr[data-alert]").CountAsync());
        Assert.IsTrue(await group.Locator("tbody tr[data-alert]").First.IsVisibleAsync());
    }

    private static async Task<List<string>> CardSeries(IPage page) =>
        (await page.Locator("#headlines article.card h3 a").EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).searchParams.get('id'))")).ToList();

    /// <summary>docs/board-china.png: the China board built from the real data (the README keeps the sample's docs/overview.png).</summary>
    private static async Task Screenshot(IPage page, string name)
    {
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Png, FullPage = false });
        await File.WriteAllBytesAsync(Path.Combine(RepoPaths.Root, "docs", name), png);
        Assert.IsLessThan(MaxScreenshotBytes, png.Length, $"docs/{name} is {png.Length / 1024} KB");
    }
}
