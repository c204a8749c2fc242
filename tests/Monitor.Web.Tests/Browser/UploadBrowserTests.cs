using Monitor.Testing.Workbooks;
using Monitor.Web.Tests.Hosting;
using Monitor.Web.Tests.Pages.Data;

namespace Monitor.Web.Tests.Browser;

/// <summary>An analyst uploads a workbook in the browser, reads the preview, confirms, and finds the series.</summary>
[TestClass]
public sealed class UploadBrowserTests
{
    [TestMethod]
    public async Task Upload_preview_confirm_then_the_series_appears()
    {
        await using var host = await RunningHost.StartAsync(seeded: false);
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var workbook = new XlsxBuilder()
                .Sheet("月报", ["主要指标"], ["单位：亿元"], ["指标", "2025年8月", "2025年9月"], ["工业增加值", "1,234.5", 1300.0], ["注：测试"])
                .Save(Path.Combine(host.Folder, "bulletin.xlsx"));
            var page = await Browser.SignedInPage(browser, host.Address, RunningHost.AnalystUser, RunningHost.UserPassword);

            await page.GotoAsync("/Data");
            await page.ClickAsync("#upload-link");
            await page.SetInputFilesAsync("#upload-file", workbook);
            await page.FillAsync("#upload-dataset", "browser_upload");
            await page.ClickAsync("#upload-preview");
            Assert.AreEqual("excel", (await page.TextContentAsync("#preview-format"))?.Trim());
            StringAssert.Contains(await page.TextContentAsync("#preview-rows"), "1234.5");
            await page.ClickAsync("#upload-confirm");
            await page.WaitForURLAsync(url => url.EndsWith("/Data", StringComparison.Ordinal));
            StringAssert.Contains(await page.TextContentAsync("#enqueued"), "upload:bulletin.xlsx");

            UploadPageTests.RunEnqueuedUploadJobs(host);
            await page.GotoAsync("/Indicator?id=" + Uri.EscapeDataString("browser_upload:工业增加值"));
            StringAssert.Contains(await page.TextContentAsync("h1"), "工业增加值");
            StringAssert.Contains(await page.ContentAsync(), "亿元");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
