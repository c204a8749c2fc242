using Monitor.Present.Charts;

namespace Monitor.Present.Tests.Email.Support;

/// <summary>Stands in for the dashboard's chart renderer: draws a real (small) ScottPlot PNG per series.</summary>
public sealed class PngChartRenderer : IChartRenderer
{
    private int _calls;

    public int Calls => _calls;

    public string SeriesSvg(string seriesId, ChartRequest request) => Plot(seriesId).GetSvgXml(request.Width, request.Height);

    public byte[] SeriesPng(string seriesId, ChartRequest request)
    {
        Interlocked.Increment(ref _calls);
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
