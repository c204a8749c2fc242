using System.Collections.Concurrent;
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
    private readonly StoreChangeToken _changes;
    private readonly ConcurrentDictionary<(string, DateTime?), (string Token, ChartStamp Stamp)> _stamps = new();

    public ScottPlotChartRenderer(SeriesChartQuery query, ChartFonts fonts, StoreChangeToken changes, IOptions<ChartOptions> options)
    {
        _query = query;
        _fonts = fonts;
        _changes = changes;
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
        var stamp = Stamp(seriesId, request.AsOf);
        var key = string.Join('|', seriesId, Ticks(stamp.Vintage), stamp.ForecastRun?.ToString(CultureInfo.InvariantCulture) ?? "-",
            Ticks(stamp.AnomaliesAt), language, request.Width, request.Height, Ticks(request.AsOf), format);
        return _cache.GetOrAdd(key, () =>
        {
            var data = _query.Load(seriesId, request.AsOf, stamp);
            var plot = SeriesChartBuilder.Build(data, language, request.AsOf, _fonts);
            return export(plot);
        });
    }

    /// <summary>The series' data stamp, re-read only when the store has changed since it was last read.</summary>
    private ChartStamp Stamp(string seriesId, DateTime? asOf)
    {
        var token = _changes.Current();
        if (_stamps.TryGetValue((seriesId, asOf), out var known) && known.Token == token) return known.Stamp;
        var stamp = _query.Stamp(seriesId, asOf);
        if (_stamps.Count > 50_000) _stamps.Clear();
        _stamps[(seriesId, asOf)] = (token, stamp);
        return stamp;
    }

    private static string Ticks(DateTime? at) => at?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "-";
}
