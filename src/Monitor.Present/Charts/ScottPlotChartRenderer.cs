using System.Globalization;
using Microsoft.Extensions.Options;
using ScottPlot;

namespace Monitor.Present.Charts;

/// <summary>The ScottPlot implementation of <see cref="IChartRenderer"/>, with a cache invalidated by the data stamp.</summary>
public sealed class ScottPlotChartRenderer : IChartRenderer
{
    private readonly SeriesChartQuery _query;
    private readonly ChartFonts _fonts;
    private readonly ChartCache _cache;

    public ScottPlotChartRenderer(SeriesChartQuery query, ChartFonts fonts, IOptions<ChartOptions> options)
    {
        _query = query;
        _fonts = fonts;
        _cache = new ChartCache(Math.Max(16, options.Value.CacheEntries));
    }

    /// <summary>Charts currently cached (for tests and diagnostics).</summary>
    public int CachedCharts => _cache.Count;

    public string SeriesSvg(string seriesId, ChartRequest request) =>
        Render(seriesId, request, "svg", plot => SvgText.Inline(plot.GetSvgXml(request.Width, request.Height)));

    public byte[] SeriesPng(string seriesId, ChartRequest request) =>
        Render(seriesId, request, "png", plot => plot.GetImageBytes(request.Width, request.Height, ImageFormat.Png));

    private T Render<T>(string seriesId, ChartRequest request, string format, Func<Plot, T> export) where T : class
    {
        var language = _fonts.EffectiveLanguage(request.Language);
        var stamp = _query.Stamp(seriesId, request.AsOf);
        var key = string.Join('|', seriesId, Ticks(stamp.Vintage), stamp.ForecastRun?.ToString(CultureInfo.InvariantCulture) ?? "-",
            Ticks(stamp.AnomaliesAt), language, request.Width, request.Height, Ticks(request.AsOf), format);
        return _cache.GetOrAdd(key, () =>
        {
            var data = _query.Load(seriesId, request.AsOf, stamp);
            var plot = SeriesChartBuilder.Build(data, language, request.AsOf, _fonts);
            return export(plot);
        });
    }

    private static string Ticks(DateTime? at) => at?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "-";
}
