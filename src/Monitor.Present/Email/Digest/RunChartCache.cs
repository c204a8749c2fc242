using Microsoft.Extensions.Logging;
using Monitor.Present.Charts;

namespace Monitor.Present.Email.Digest;

/// <summary>
/// The charts of one digest run: each (series, language) is drawn once however many subscribers get it, and a chart
/// that cannot be drawn is left out of every digest of the run instead of being retried for each.
/// </summary>
internal sealed class RunChartCache(IChartRenderer? renderer, ILogger logger)
{
    private readonly Dictionary<(string SeriesId, string Language), byte[]?> _pngs = [];

    public byte[]? Png(string seriesId, string language)
    {
        if (renderer is null) return null;
        if (_pngs.TryGetValue((seriesId, language), out var cached)) return cached;
        byte[]? png = null;
        try
        {
            png = renderer.SeriesPng(seriesId, new ChartRequest(Language: language));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A chart that cannot be drawn must not hold back the alert itself.
            logger.LogWarning(ex, "no chart for {SeriesId} ({Language}) in this digest run", seriesId, language);
        }
        _pngs[(seriesId, language)] = png;
        return png;
    }
}
