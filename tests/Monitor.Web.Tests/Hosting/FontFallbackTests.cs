using System.Net;

namespace Monitor.Web.Tests.Hosting;

[TestClass]
public sealed class FontFallbackTests
{
    [TestMethod]
    public async Task Without_a_CJK_font_pages_say_so_and_charts_use_English_labels()
    {
        await using var host = await RunningHost.StartAsync(settings: new Dictionary<string, string?> { ["Charts:CjkFontFile"] = "/nonexistent/no-cjk.ttc" });
        using var client = await host.SignedInClient(RunningHost.PlannerUser);

        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.Contains(html, "id=\"font-notice\"");
        StringAssert.Contains(html, "规模以上工业增加值同比", "the page itself stays Chinese: the reader's browser has its own fonts");
        var chart = await client.GetStringAsync("/charts/series/cn%3Aindustrial_va_yoy.svg?lang=zh");
        StringAssert.Contains(chart, "Industrial value added, YoY", "the chart title falls back to English (the card heading stays Chinese)");
    }
}
