using Monitor.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Present.Charts;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Charts;

[TestClass]
public sealed partial class ChartEndpointTests
{
    private const string IndustrialId = "industrial_va_yoy";

    [TestMethod]
    public async Task A_stranger_gets_no_chart_but_the_sign_in_page()
    {
        var host = await SharedHost.GetAsync();
        using var planner = await host.SignedInClient(RunningHost.PlannerUser);
        var url = ChartUrl(await planner.GetStringAsync("/"), IndustrialId);
        using var stranger = host.Client();

        using var response = await stranger.GetAsync(url);

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.StartsWith(response.Headers.Location!.AbsolutePath, "/Account/SignIn");
        Assert.DoesNotContain("<svg", await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task A_planner_gets_the_card_chart_as_svg_with_chinese_text_kept_for_a_year()
    {
        var host = await SharedHost.GetAsync();
        if (!host.Services.GetRequiredService<ChartFonts>().ChineseAvailable)
            CiRequirement.Missing("no CJK font installed (apt-get install fonts-wqy-microhei): charts are labelled in English");
        using var planner = await host.SignedInClient(RunningHost.PlannerUser);
        var html = await planner.GetStringAsync("/");

        using var response = await planner.GetAsync(ChartUrl(html, IndustrialId));
        var svg = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        StringAssert.StartsWith(svg, "<svg");
        StringAssert.Contains(svg, "xmlns=\"http://www.w3.org/2000/svg\"", "a standalone SVG image needs its namespace");
        StringAssert.Contains(svg, "规模以上工业增加值同比");
        Assert.IsTrue(response.Headers.CacheControl is { Private: true, MaxAge.TotalDays: >= 365 }, response.Headers.CacheControl?.ToString());
        StringAssert.Contains(html, "alt=\"规模以上工业增加值同比 走势图", "screen readers hear the series name");
    }

    [TestMethod]
    public async Task The_same_stamp_answers_304_and_a_changed_store_gives_a_new_url_and_the_chart_again()
    {
        var host = await SharedHost.GetAsync();
        using var planner = await host.SignedInClient(RunningHost.PlannerUser);
        var before = ChartUrl(await planner.GetStringAsync("/"), IndustrialId);
        using var first = await planner.GetAsync(before);
        var etag = first.Headers.ETag!;

        using var again = await planner.SendAsync(Conditional(before, etag));
        host.Services.GetRequiredService<StoreChangeToken>().Invalidate();
        var after = ChartUrl(await planner.GetStringAsync("/"), IndustrialId);
        using var afterChange = await planner.SendAsync(Conditional(after, etag));

        Assert.AreEqual(HttpStatusCode.OK, first.StatusCode);
        Assert.AreEqual(HttpStatusCode.NotModified, again.StatusCode);
        Assert.AreEqual(0, (await again.Content.ReadAsByteArrayAsync()).Length, "a 304 carries no chart");
        Assert.AreNotEqual(before, after, "a changed store stamp changes the chart's URL");
        Assert.AreEqual(HttpStatusCode.OK, afterChange.StatusCode, "the old ETag no longer matches");
        StringAssert.StartsWith(await afterChange.Content.ReadAsStringAsync(), "<svg");
    }

    [TestMethod]
    public async Task An_old_stamp_is_served_but_not_kept_and_an_unknown_series_is_404()
    {
        var host = await SharedHost.GetAsync();
        using var planner = await host.SignedInClient(RunningHost.PlannerUser);
        var url = ChartUrl(await planner.GetStringAsync("/"), IndustrialId);

        using var stale = await planner.GetAsync(VersionPart().Replace(url, "v=0000000000000000"));
        using var unknown = await planner.GetAsync("/charts/series/no%3Asuch.svg?lang=zh");

        Assert.AreEqual(HttpStatusCode.OK, stale.StatusCode);
        Assert.IsTrue(stale.Headers.CacheControl is { NoCache: true, MaxAge: null }, stale.Headers.CacheControl?.ToString());
        Assert.AreEqual(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static HttpRequestMessage Conditional(string url, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        return request;
    }

    /// <summary>The card chart URL of the series whose id ends with <paramref name="idSuffix"/>, as the overview links it.</summary>
    private static string ChartUrl(string overviewHtml, string idSuffix)
    {
        var match = CardImage().Matches(overviewHtml).FirstOrDefault(m => Uri.UnescapeDataString(m.Groups["id"].Value).EndsWith(idSuffix, StringComparison.Ordinal));
        Assert.IsNotNull(match, $"the overview links a chart of {idSuffix}");
        return WebUtility.HtmlDecode(match.Groups["url"].Value);
    }

    [GeneratedRegex("<img src=\"(?<url>/charts/series/(?<id>[^\".]+)\\.svg\\?[^\"]+)\"")]
    private static partial Regex CardImage();

    [GeneratedRegex("v=[0-9a-f]+")]
    private static partial Regex VersionPart();
}
