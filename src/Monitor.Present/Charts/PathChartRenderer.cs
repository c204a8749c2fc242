using System.Globalization;
using Microsoft.Extensions.Options;
using ScottPlot;

namespace Monitor.Present.Charts;

/// <summary>
/// Draws a <see cref="PathChartData"/> as SVG with the series charts' pieces (fonts, palette, bands, date ticks): each
/// segment's estimates as a line over the dates they were made, inside their 80 % band, and the outturn as a marker.
/// </summary>
public sealed class PathChartRenderer(ChartFonts fonts, IOptions<ChartOptions> options)
{
    private readonly ChartCache _cache = new(Math.Max(16, options.Value.CacheEntries / 10));

    /// <summary>An SVG of <paramref name="data"/>, cached by its content (a path is a few dozen points), language and size.</summary>
    public string Svg(PathChartData data, ChartRequest request)
    {
        var language = fonts.EffectiveLanguage(request.Language);
        var key = string.Join('|', Content(data), language, request.Width, request.Height);
        return _cache.GetOrAdd(key, () => SvgText.Inline(Build(data, language).GetSvgXml(request.Width, request.Height)));
    }

    private static string Content(PathChartData data) => string.Join(';', data.Segments.Select(s =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Label}:{s.Outturn}:{string.Join(',', s.Points.Select(p => $"{p.At.Ticks}/{p.Mean:R}/{p.Low:R}/{p.High:R}"))}")))
        + "|" + data.Title + "|" + data.Unit;

    private Plot Build(PathChartData data, string language)
    {
        var labels = ChartLabels.For(language);
        var plot = new Plot();
        fonts.Apply(plot);
        plot.Title(data.Title, size: 14);
        if (data.Unit is { Length: > 0 } unit) plot.YLabel(unit, size: 12);
        var segments = data.Segments.Where(s => s.Points.Count > 0).ToList();
        if (segments.Count == 0)
        {
            plot.Add.Text(labels.NoData, 0, 0).LabelFontSize = 16;
            plot.HideGrid();
            return plot;
        }
        for (var i = 0; i < segments.Count; i++) AddSegment(plot, segments[i], labels, first: i == 0);
        SeriesChartBuilder.MonthTicks(plot);
        SeriesChartBuilder.NoMinorTicks(plot);
        plot.Legend.FontSize = 11;
        plot.ShowLegend(Edge.Bottom);
        if (fonts.ChineseAvailable) plot.Legend.FontName = ChartFonts.CjkFamily;
        return plot;
    }

    /// <summary>Only the first segment names its parts in the legend, so that the legend stays three entries long.</summary>
    private void AddSegment(Plot plot, PathSegment segment, ChartLabels labels, bool first)
    {
        var xs = segment.Points.Select(p => p.At.ToOADate()).ToArray();
        SeriesChartBuilder.AddBand(plot, xs, segment.Points.Select(p => p.Low).ToArray(), segment.Points.Select(p => p.High).ToArray(), 0.45, first ? labels.Band80 : "");
        var line = plot.Add.ScatterLine(xs, segment.Points.Select(p => p.Mean).ToArray());
        line.Color = ChartPalette.Of(ChartPalette.Blue);
        line.LineWidth = 1.5f;
        line.MarkerSize = 4;
        line.MarkerShape = MarkerShape.FilledCircle;
        line.LegendText = first ? labels.Nowcast : "";
        var label = plot.Add.Text(segment.Label, xs[0], segment.Points[0].Mean);
        label.LabelFontSize = 10;
        if (fonts.ChineseAvailable) label.LabelFontName = ChartFonts.CjkFamily;
        if (segment.Outturn is not { } outturn) return;
        var marker = plot.Add.Marker(xs[^1], outturn, MarkerShape.FilledDiamond, 10, ChartPalette.Of(ChartPalette.Vermillion));
        marker.LegendText = first ? labels.Outturn : "";
    }
}
