namespace Monitor.Present.Charts;

/// <summary>Server-side ScottPlot charts of one series: SVG for pages, PNG for e-mail.</summary>
public interface IChartRenderer
{
    /// <summary>History, forecast fan (80 % / 95 %) and anomaly markers, as an SVG document.</summary>
    string SeriesSvg(string seriesId, ChartRequest request);

    /// <summary>The same chart as a PNG image.</summary>
    byte[] SeriesPng(string seriesId, ChartRequest request);
}

/// <summary>What to draw: language of the labels ("zh" or "en"), size, and the vintage to show (null = current).</summary>
public sealed record ChartRequest(string Language = "zh", int Width = 800, int Height = 400, DateTime? AsOf = null);
