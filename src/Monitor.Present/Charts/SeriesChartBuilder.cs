using Monitor.Core.Domain;
using ScottPlot;

namespace Monitor.Present.Charts;

/// <summary>Draws one series: history line, forecast point line inside its 95 % and 80 % fans, anomaly markers.</summary>
internal static class SeriesChartBuilder
{
    public static Plot Build(SeriesChartData data, string language, DateTime? asOf, ChartFonts fonts)
    {
        var labels = ChartLabels.For(language);
        var plot = new Plot();
        fonts.Apply(plot);
        plot.Title(Title(data.Series, language, labels, asOf), size: 14);
        if (data.Series?.Unit is { Length: > 0 } unit) plot.YLabel(unit, size: 12);

        if (data.History.Count == 0 && data.Forecast.Count == 0)
        {
            var text = plot.Add.Text(labels.NoData, 0, 0);
            text.LabelFontSize = 16;
            plot.HideGrid();
            return plot;
        }

        AddFan(plot, data, labels);
        AddHistory(plot, data.History, labels);
        AddAnomalies(plot, data, labels);
        MonthTicks(plot);
        NoMinorTicks(plot);
        plot.Legend.FontSize = 11;
        plot.ShowLegend(Edge.Bottom);
        if (fonts.ChineseAvailable) plot.Legend.FontName = ChartFonts.CjkFamily;
        return plot;
    }

    private static string Title(SeriesInfo? series, string language, ChartLabels labels, DateTime? asOf)
    {
        var name = series?.DisplayName(language == "zh") ?? "?";
        return asOf is { } at ? $"{name} ({labels.AsOf} {at:yyyy-MM-dd})" : name;
    }

    private static void AddHistory(Plot plot, IReadOnlyList<Observation> history, ChartLabels labels)
    {
        if (history.Count == 0) return;
        var line = plot.Add.ScatterLine(history.Select(o => X(o.Period)).ToArray(), history.Select(o => o.Value).ToArray());
        line.Color = ChartPalette.Of(ChartPalette.Black);
        line.LineWidth = 1.5f;
        line.LegendText = labels.History;
    }

    private static void AddFan(Plot plot, SeriesChartData data, ChartLabels labels)
    {
        var steps = data.Forecast;
        if (steps.Count == 0) return;
        var xs = steps.Select(s => X(s.Period)).ToArray();
        AddBand(plot, xs, steps.Select(s => s.Lo95).ToArray(), steps.Select(s => s.Hi95).ToArray(), 0.25, labels.Band95);
        AddBand(plot, xs, steps.Select(s => s.Lo80).ToArray(), steps.Select(s => s.Hi80).ToArray(), 0.45, labels.Band80);

        // The forecast line starts at the last observed point so the eye follows the hand-over.
        var lineXs = xs.ToList();
        var lineYs = steps.Select(s => s.Point).ToList();
        if (data.History.Count > 0)
        {
            lineXs.Insert(0, X(data.History[^1].Period));
            lineYs.Insert(0, data.History[^1].Value);
        }
        var line = plot.Add.ScatterLine(lineXs.ToArray(), lineYs.ToArray());
        line.Color = ChartPalette.Of(ChartPalette.Blue);
        line.LineWidth = 1.5f;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = labels.Forecast;
    }

    internal static void AddBand(Plot plot, double[] xs, double?[] lo, double?[] hi, double alpha, string legend)
    {
        if (lo.Any(v => v is null) || hi.Any(v => v is null)) return;
        var fill = plot.Add.FillY(xs, lo.Select(v => v!.Value).ToArray(), hi.Select(v => v!.Value).ToArray());
        fill.FillColor = ChartPalette.Of(ChartPalette.SkyBlue).WithAlpha(alpha);
        fill.LineColor = Colors.Transparent;
        fill.LegendText = legend;
    }

    private static void AddAnomalies(Plot plot, SeriesChartData data, ChartLabels labels)
    {
        var byPeriod = data.History.ToDictionary(o => o.Period, o => o.Value);
        var marks = data.Anomalies
            .Select(a => (a.Period, Value: a.Actual ?? (byPeriod.TryGetValue(a.Period, out var v) ? v : (double?)null)))
            .Where(a => a.Value is not null)
            .ToList();
        if (marks.Count == 0) return;
        var markers = plot.Add.Markers(marks.Select(m => X(m.Period)).ToArray(), marks.Select(m => m.Value!.Value).ToArray(),
            MarkerShape.OpenCircle, 10, ChartPalette.Of(ChartPalette.Vermillion));
        markers.MarkerLineWidth = 2;
        markers.LegendText = labels.Anomaly;
    }

    /// <summary>Date ticks as yyyy-MM, the same in both languages (the default is the US short date).</summary>
    internal static void MonthTicks(Plot plot)
    {
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic automatic)
            automatic.LabelFormatter = d => d.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Minor ticks add ~40 SVG paths a chart and little for a reader; pages with a dozen charts stay smaller without them.</summary>
    internal static void NoMinorTicks(Plot plot)
    {
        if (plot.Axes.Left.TickGenerator is ScottPlot.TickGenerators.NumericAutomatic numeric)
            numeric.MinorTickGenerator = new ScottPlot.TickGenerators.EvenlySpacedMinorTickGenerator(1);
    }

    internal static double X(DateOnly period) => period.ToDateTime(TimeOnly.MinValue).ToOADate();
}
