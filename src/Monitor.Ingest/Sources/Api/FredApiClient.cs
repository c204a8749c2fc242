using System.Text.Json;
using Monitor.Ingest.Model;

namespace Monitor.Ingest.Sources.Api;

/// <summary>
/// FRED and ALFRED (api.stlouisfed.org): the source's Location is a <c>fred/series/observations?series_id=…</c> URL.
/// Downloads the series' description (<c>fred/series</c>: title, units, frequency) to series.json and its observations
/// page by page (limit/offset until <c>count</c>) to observations-001.json, …; with RealtimeStart/End the answer holds
/// every vintage (ALFRED). The key goes in api_key, from the environment.
/// </summary>
public sealed class FredApiClient : IApiClient
{
    public const string Name = "fred-api";

    private const int MaxPages = 1000;

    public string Format => Name;

    public async Task<string> DownloadAsync(SourceOptions source, ApiPages pages, CancellationToken cancellationToken)
    {
        var location = source.Location;
        if (!location.Contains("/series/observations", StringComparison.Ordinal))
            throw new InputRejectedException(0, "location", $"a fred-api source's Location is a …/fred/series/observations?series_id=ID URL, not {location}");
        (string, string?)[] common = [("api_key", pages.Secret), ("file_type", "json"), ("realtime_start", source.RealtimeStart), ("realtime_end", source.RealtimeEnd)];
        await pages.GetAsync("series.json", QueryString.With(location.Replace("/series/observations", "/series", StringComparison.Ordinal), common), cancellationToken);
        var limit = Math.Clamp(source.PageSize, 1, 100_000);
        long? count = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var file = $"observations-{page + 1:000}.json";
            var url = QueryString.With(location, [.. common, ("observation_start", source.StartPeriod), ("limit", $"{limit}"), ("offset", $"{page * (long)limit}"), ("sort_order", "asc")]);
            await pages.GetAsync(file, url, cancellationToken);
            var total = PageCount(pages, file, page * (long)limit);
            if (count is { } first && first != total)
                throw new InputRejectedException(0, "paging", $"{file}: the series changed while it was paged ({first} observations, then {total}); run the source again");
            count = total;
            if ((page + 1) * (long)limit >= total) return "";
        }
        throw new InputRejectedException(0, "paging", $"more than {MaxPages} pages of {limit}: raise PageSize");
    }

    // The page must be FRED's answer for this offset: its count and offset say where it belongs.
    private static long PageCount(ApiPages pages, string file, long offset)
    {
        using var document = pages.Json(file);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("observations", out var rows) || rows.ValueKind != JsonValueKind.Array)
            throw new InputRejectedException(1, "observations", $"{file}: not a FRED observations answer (no observations list)");
        if (!root.TryGetProperty("count", out var count) || !count.TryGetInt64(out var total))
            throw new InputRejectedException(1, "count", $"{file}: no count, so its pages cannot be followed");
        if (root.TryGetProperty("offset", out var at) && at.TryGetInt64(out var answered) && answered != offset)
            throw new InputRejectedException(1, "offset", $"{file}: answered offset {answered} for offset {offset}");
        return total;
    }
}
