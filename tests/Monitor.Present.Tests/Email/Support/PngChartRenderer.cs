using Monitor.Present.Charts;

namespace Monitor.Present.Tests.Email.Support;

/// <summary>Stands in for the dashboard's chart renderer: draws a real (small) ScottPlot PNG per series.</summary>
public sealed class PngChartRenderer : IChartRenderer
{
    private int _calls;

    public int Calls => _calls;

    /// <summary>Series whose chart fails to draw (as when a series has no observations yet).</summary>
    public HashSet<string> Failing { get; } = [];

    public string SeriesSvg(string seriesId, ChartRequest request) => Plot(seriesId).GetSvgXml(request.Width, request.Height);

    public byte[] SeriesPng(string seriesId, ChartRequest request)
    {
        Interlocked.Increment(ref _calls);
        if (Failing.Contains(seriesId)) throw new InvalidOperationException($"no observations for {seriesId}");
        return Plot(seriesId).GetImageBytes(320, 160, ScottPlot.ImageFormat.Png);
    }

    private static ScottPlot.Plot Plot(string seriesId)
    {
        var plot = new ScottPlot.Plot();
        double[] xs = [1, 2, 3, 4, 5, 6];
        double[] ys = [2, 3, 2.5, 4, 5.5, 7];
        plot.Add.Scatter(xs, ys);
        plot.Title(seriesId);
        return plot;
    }
}
