using Microsoft.Extensions.Options;
using Monitor.Present.Charts;

namespace Monitor.Present.Tests.Charts;

[TestClass]
public sealed class PathChartRendererTests
{
    private static readonly ChartOptions NoCjkFont = new() { CjkFontFile = "/nonexistent/no-cjk-font.ttc" };

    private static PathChartData Data(double? outturn) => new("GDP nowcast", "% y/y",
    [
        new PathSegment("2025Q3", [new PathPoint(new DateTime(2025, 7, 31), 5.0, 4.0, 6.0), new PathPoint(new DateTime(2025, 9, 30), 5.2, 4.4, 6.0)], outturn),
        new PathSegment("2025Q4", [new PathPoint(new DateTime(2025, 10, 31), 5.0, 4.0, 6.0)], null),
    ]);

    [TestMethod]
    public void Each_quarter_is_labelled_and_the_legend_names_the_nowcast_its_band_and_the_outturn_once()
    {
        var svg = Renderer().Svg(Data(5.3), new ChartRequest("en"));

        StringAssert.StartsWith(svg.TrimStart(), "<svg");
        StringAssert.Contains(svg, "2025Q3");
        StringAssert.Contains(svg, "2025Q4");
        Assert.AreEqual(1, Count(svg, "nowcast"), "one legend entry for all segments");
        Assert.AreEqual(1, Count(svg, "80% interval"));
        Assert.AreEqual(1, Count(svg, "outturn"));
    }

    [TestMethod]
    public void Without_an_outturn_there_is_no_outturn_entry_and_without_points_the_chart_says_so()
    {
        var renderer = Renderer();

        var open = renderer.Svg(Data(null), new ChartRequest("en"));
        var empty = renderer.Svg(new PathChartData("GDP nowcast", null, []), new ChartRequest("en"));

        Assert.AreEqual(0, Count(open, "outturn"));
        StringAssert.Contains(empty, "no data yet");
    }

    [TestMethod]
    public void The_same_path_is_served_from_the_cache_and_a_changed_one_is_drawn_again()
    {
        var renderer = Renderer();

        var first = renderer.Svg(Data(null), new ChartRequest("en"));
        var again = renderer.Svg(Data(null), new ChartRequest("en"));
        var published = renderer.Svg(Data(5.3), new ChartRequest("en"));

        Assert.AreSame(first, again);
        Assert.AreEqual(1, Count(published, "outturn"), "the outturn came in: drawn again");
    }

    private static PathChartRenderer Renderer() => new(new ChartFonts(NoCjkFont), Options.Create(NoCjkFont));

    /// <summary>How many drawn texts read exactly <paramref name="words"/>.</summary>
    private static int Count(string svg, string words) => System.Text.RegularExpressions.Regex.Matches(svg, $@">\s*{System.Text.RegularExpressions.Regex.Escape(words)}\s*</text>").Count;
}
