using Microsoft.Extensions.Options;
using Monitor.Core.Store;
using Monitor.Present.Charts;
using Monitor.Testing;

namespace Monitor.Present.Tests.Charts;

[TestClass]
public sealed class ScottPlotChartRendererTests
{
    private static readonly ChartOptions NoCjkFont = new() { CjkFontFile = "/nonexistent/no-cjk-font.ttc" };

    [TestMethod]
    public void Svg_labels_the_chart_in_Chinese_when_a_CJK_font_exists()
    {
        var fonts = new ChartFonts(new ChartOptions());
        if (!fonts.ChineseAvailable) CiRequirement.Missing("no CJK font installed (apt-get install fonts-wqy-microhei)");
        using var test = TestStore.InMemory(PresentSchemas.All);
        ChartSeed.Series(test.Store);
        ChartSeed.Forecast(test.Store, 1, new DateTime(2024, 1, 1));

        var svg = Renderer(test.Store, fonts).SeriesSvg(ChartSeed.SeriesId, new ChartRequest("zh"));

        StringAssert.StartsWith(svg.TrimStart(), "<svg");
        StringAssert.Contains(svg, "居民消费价格指数同比");
        StringAssert.Contains(svg, "80% 区间");
        StringAssert.Contains(svg, "viewBox=");
    }

    [TestMethod]
    public void Without_a_CJK_font_a_Chinese_request_falls_back_to_English_labels()
    {
        var fonts = new ChartFonts(NoCjkFont);
        using var test = TestStore.InMemory(PresentSchemas.All);
        ChartSeed.Series(test.Store);

        var svg = Renderer(test.Store, fonts).SeriesSvg(ChartSeed.SeriesId, new ChartRequest("zh"));

        Assert.IsFalse(fonts.ChineseAvailable);
        StringAssert.Contains(svg, "CPI year on year");
        Assert.IsFalse(DrawnText(svg).Any(c => c >= '\u4e00' && c <= '\u9fff'), "no Chinese glyph may be drawn without a CJK font");
    }

    [TestMethod]
    public void Png_bytes_start_with_the_png_signature()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        ChartSeed.Series(test.Store);
        ChartSeed.Anomaly(test.Store);

        var png = Renderer(test.Store, new ChartFonts(new ChartOptions())).SeriesPng(ChartSeed.SeriesId, new ChartRequest("en", 400, 200));

        CollectionAssert.AreEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png.Take(8).ToArray());
    }

    [TestMethod]
    public void A_new_forecast_run_replaces_the_cached_chart()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        ChartSeed.Series(test.Store);
        var renderer = Renderer(test.Store, new ChartFonts(new ChartOptions()));
        var before = renderer.SeriesSvg(ChartSeed.SeriesId, new ChartRequest("en"));
        Assert.AreSame(before, renderer.SeriesSvg(ChartSeed.SeriesId, new ChartRequest("en")), "unchanged data is served from the cache");

        ChartSeed.Forecast(test.Store, 7, new DateTime(2024, 1, 1));
        var after = renderer.SeriesSvg(ChartSeed.SeriesId, new ChartRequest("en"));

        Assert.DoesNotContain("80% interval", before);
        StringAssert.Contains(after, "80% interval");
    }

    [TestMethod]
    public void Two_charts_on_one_page_do_not_share_clip_path_ids()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        ChartSeed.Series(test.Store);
        var renderer = Renderer(test.Store, new ChartFonts(NoCjkFont));

        var first = renderer.SeriesSvg(ChartSeed.SeriesId, new ChartRequest("en", 400, 200));
        var second = renderer.SeriesSvg(ChartSeed.SeriesId, new ChartRequest("en", 500, 250));

        var ids = System.Text.RegularExpressions.Regex.Matches(first + second, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.IsNotEmpty(ids);
        Assert.HasCount(ids.Count, ids.Distinct().ToList());
    }

    [TestMethod]
    public void Markup_in_a_series_name_is_drawn_as_text_not_injected()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        ChartSeed.Series(test.Store);
        ChartSeed.Execute(test.Store, "UPDATE series SET name = $1", "CPI <script>alert(1)</script> & co");

        var svg = Renderer(test.Store, new ChartFonts(NoCjkFont)).SeriesSvg(ChartSeed.SeriesId, new ChartRequest("en"));

        Assert.DoesNotContain("<script", svg);
        StringAssert.Contains(svg, "&lt;script&gt;");
    }

    [TestMethod]
    public void An_unknown_series_renders_a_no_data_chart()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);

        var svg = Renderer(test.Store, new ChartFonts(NoCjkFont)).SeriesSvg("nope:missing", new ChartRequest("en"));

        StringAssert.Contains(svg, "no data yet");
    }

    /// <summary>The text the chart draws (element content, not attributes such as font-family).</summary>
    private static string DrawnText(string svg) => System.Text.RegularExpressions.Regex.Replace(svg, "<[^>]*>", "");

    private static ScottPlotChartRenderer Renderer(MonitorStore store, ChartFonts fonts) =>
        new(new SeriesChartQuery(store, new SeriesReader(store)), fonts, new StoreChangeToken(store), Options.Create(new ChartOptions()));
}
