using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Monitor.Core.Store;
using ScottPlot;

namespace Monitor.Present.Charts;

/// <summary>The composite 预警指数 chart: its line, a colour band per light it reached, each reading's light, turning points.</summary>
public sealed class CompositeChartRenderer(MonitorStore store, ChartFonts fonts, StoreChangeToken changes, IOptions<ChartOptions> options)
{
    private readonly ChartCache _cache = new(Math.Max(16, options.Value.CacheEntries / 10));

    /// <summary>An SVG of the composite index <paramref name="indexCode"/> (e.g. "warning_index").</summary>
    public string IndexSvg(string indexCode, ChartRequest request)
    {
        var language = fonts.EffectiveLanguage(request.Language);
        // The index is written by the warning job, so the store's change token is its stamp.
        var key = string.Join('|', indexCode, changes.Current(), language, request.Width, request.Height);
        return _cache.GetOrAdd(key, () =>
            SvgText.Inline(Build(Readings(indexCode), TurningPoints(indexCode), language).GetSvgXml(request.Width, request.Height)));
    }

    private Plot Build(List<Reading> readings, List<(DateOnly Period, string Kind)> turns, string language)
    {
        var labels = ChartLabels.For(language);
        var plot = new Plot();
        fonts.Apply(plot);
        plot.Title(labels.Index, size: 14);
        if (readings.Count == 0)
        {
            plot.Add.Text(labels.NoData, 0, 0).LabelFontSize = 16;
            return plot;
        }
        foreach (var band in readings.Where(r => r.Colour is not null).GroupBy(r => r.Colour!))
        {
            var span = plot.Add.VerticalSpan(band.Min(r => r.Value), band.Max(r => r.Value));
            span.FillStyle.Color = ChartPalette.Of(ChartPalette.LightHex(band.Key)).WithAlpha(0.18);
            span.LineStyle.Width = 0;
            span.LegendText = ChartPalette.LightName(band.Key, language);
        }
        var xs = readings.Select(r => SeriesChartBuilder.X(r.Period)).ToArray();
        var line = plot.Add.ScatterLine(xs, readings.Select(r => r.Value).ToArray());
        line.Color = ChartPalette.Of(ChartPalette.Black);
        line.LineWidth = 1.5f;
        foreach (var turn in turns)
        {
            var v = plot.Add.VerticalLine(SeriesChartBuilder.X(turn.Period));
            v.Color = ChartPalette.Of(turn.Kind == "peak" ? ChartPalette.Vermillion : ChartPalette.Blue);
            v.LinePattern = LinePattern.Dotted;
            v.Text = turn.Kind == "peak" ? labels.Peak : labels.Trough;
            v.LabelOppositeAxis = true;
            if (fonts.ChineseAvailable) v.LabelFontName = ChartFonts.CjkFamily;
        }
        SeriesChartBuilder.MonthTicks(plot);
        plot.ShowLegend(Edge.Bottom);
        if (fonts.ChineseAvailable) plot.Legend.FontName = ChartFonts.CjkFamily;
        return plot;
    }

    private List<Reading> Readings(string indexCode) =>
        Sql.Rows(store, "SELECT period, value, colour, computed_at FROM composite_readings WHERE index_code = $1 ORDER BY period",
            row => new Reading(row.Day(0), row.GetDouble(1), row.Text(2), row.GetDateTime(3)), indexCode);

    private List<(DateOnly, string)> TurningPoints(string indexCode) =>
        Sql.Rows(store, "SELECT period, kind FROM turning_points WHERE index_code = $1 ORDER BY period", row => (row.Day(0), row.GetString(1)), indexCode);

    private sealed record Reading(DateOnly Period, double Value, string? Colour, DateTime ComputedAt);
}
