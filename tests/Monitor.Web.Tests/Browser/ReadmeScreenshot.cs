using Microsoft.Playwright;
using Monitor.Testing;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Browser;

/// <summary>
/// docs/overview.png, the README's screenshot: the overview a planner sees after the first start on data-samples/
/// (taken by the whole-thread test, so it shows the shipped sample as loaded, forecast and warned by the real jobs).
/// </summary>
public static class ReadmeScreenshot
{
    private const int MaxBytes = 300 * 1024;

    public static async Task WriteAsync(RunningHost host)
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await Browser.SignedInPage(browser, host.Address, RunningHost.PlannerUser, RunningHost.UserPassword, 1280, 1650);
            Assert.AreEqual("总览", (await page.TextContentAsync("h1"))?.Trim());
            var png = await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Png, FullPage = false });
            Assert.IsLessThan(MaxBytes, png.Length, $"docs/overview.png would be {png.Length / 1024} KB");
            Assert.IsGreaterThan(20_000, png.Length, "a blank page would be much smaller");
            var target = Path.Combine(RepoPaths.Root, "docs", "overview.png");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, png);
            if (Environment.GetEnvironmentVariable("MONITOR_FULL_SCREENSHOT") is { Length: > 0 } full)
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = full, FullPage = true });
        }
    }
}
