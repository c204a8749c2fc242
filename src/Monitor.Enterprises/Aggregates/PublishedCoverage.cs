using Microsoft.Extensions.Options;
using Monitor.Core.Store;
using Monitor.Enterprises.Disclosure;
using Monitor.Enterprises.Warnings;

namespace Monitor.Enterprises.Aggregates;

/// <summary>
/// Coverage against the published aggregate series (Enterprises:Coverage): the share (%) of the published total of a
/// region × industry cell that the bottom-up aggregate covers, for the same month. Computed from protected cells only:
/// a hidden cell has no coverage, since a public total and its coverage would give the hidden value back.
/// </summary>
public sealed class PublishedCoverage(MonitorStore store, IOptions<EnterpriseOptions> options)
{
    /// <summary>Coverage per cell, in the order of <paramref name="cells"/> (null: hidden cell, or no published value).</summary>
    public IReadOnlyList<double?> Of(AggregateRequest request, IReadOnlyList<ProtectedCell> cells)
    {
        var series = options.Value.Coverage.FirstOrDefault(c => c.Indicator == request.Indicator);
        if (series is null) return cells.Select(_ => (double?)null).ToList();
        var published = Published(series, request.Period);
        var region = request.By.ToList().IndexOf(AggregateRequest.Region);
        var industry = request.By.ToList().IndexOf(AggregateRequest.Industry);
        var size = request.By.ToList().IndexOf(AggregateRequest.Size);
        return cells.Select(cell =>
        {
            // Published totals know no size classes: only the all-sizes cells compare.
            if (cell.Value is not { } value || (size >= 0 && cell.Codes[size] != AggregateRequest.Total)) return (double?)null;
            var regionCode = region >= 0 ? cell.Codes[region] : AggregateRequest.Total;
            var industryCode = industry >= 0 ? cell.Codes[industry] : AggregateRequest.Total;
            var total = published.FirstOrDefault(p => SameRegion(p.Region, regionCode) && SameIndustry(p.Industry, industryCode)).Value;
            return total > 0 ? 100 * value * series.Scale / total : null;
        }).ToList();
    }

    /// <summary>True when a published series is configured for <paramref name="indicator"/>.</summary>
    public bool Configured(string indicator) => options.Value.Coverage.Any(c => c.Indicator == indicator);

    private List<(string? Region, string? Industry, double Value)> Published(CoverageSeries series, DateOnly period)
    {
        using var connection = store.Open();
        return Sql.Rows(connection, """
            SELECT region_code, industry_code, value FROM current_observations
            WHERE dataset = $1 AND series_code = $2 AND frequency = 'M' AND period = $3
            """, r => (r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetDouble(2)), series.Dataset, series.Code, period);
    }

    // A province matches its GB/T 2260 code or its ISO 3166-2:CN code; the total matches a series without a region.
    private static bool SameRegion(string? published, string cell) =>
        cell == AggregateRequest.Total ? string.IsNullOrEmpty(published)
            : published == cell || (cell.Length == 2 && published == ProvinceCodes.Iso(cell));

    private static bool SameIndustry(string? published, string cell) =>
        cell == AggregateRequest.Total ? string.IsNullOrEmpty(published) : published == cell;
}
