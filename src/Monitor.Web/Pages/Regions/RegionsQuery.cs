using Monitor.Core.Domain;
using Monitor.Core.Store;
using Monitor.Web.Pages.Shared;

namespace Monitor.Web.Pages.Regions;

/// <summary>Regional indicators: which exist, and the latest value, year-on-year growth and light of each province.</summary>
public sealed class RegionsQuery(MonitorStore store)
{
    public IReadOnlyList<RegionalIndicator> Indicators() => Sql.Rows(store, """
        SELECT code, min(name), min(name_zh), count(*) FROM series WHERE domain = 'regional' GROUP BY code ORDER BY code
        """, r => new RegionalIndicator(r.GetString(0), r.GetString(1), r.Text(2), r.Count(3)));

    /// <summary>One row per province that has the indicator <paramref name="code"/>.</summary>
    public IReadOnlyList<ProvinceReading> Readings(string code) => Sql.Rows(store, """
        WITH s AS (SELECT series_id, region_code, name, name_zh, unit FROM series WHERE domain = 'regional' AND code = $1),
        cur AS (SELECT o.series_id, o.period, o.value FROM current_observations o JOIN s USING (series_id)),
        latest AS (SELECT series_id, max(period) AS p, arg_max(value, period) AS v FROM cur GROUP BY series_id),
        prev AS (SELECT c.series_id, c.value FROM cur c JOIN latest l ON c.series_id = l.series_id AND c.period = CAST(l.p - INTERVAL 1 YEAR AS DATE)),
        light AS (SELECT l.series_id, l.points, l.colour FROM signal_lights_latest l JOIN s USING (series_id))
        SELECT s.series_id, s.region_code, s.unit, latest.p, latest.v, prev.value, light.points, light.colour, s.name, s.name_zh
        FROM s LEFT JOIN latest USING (series_id) LEFT JOIN prev USING (series_id) LEFT JOIN light USING (series_id)
        """, r => new ProvinceReading(r.GetString(0), r.Text(1) ?? "", r.Text(2), r.IsDBNull(3) ? null : r.Day(3), r.Number(4),
            SeriesChange.Between(r.Number(5), r.Number(4), SeriesChange.InPoints(code, r.GetString(8), r.Text(9), r.Text(2))),
            r.IsDBNull(6) ? null : r.GetInt32(6), r.Text(7)), code);

    /// <summary>Every series of one province with its latest value and light.</summary>
    public IReadOnlyList<ProvinceSeries> ProvinceSeries(IEnumerable<string> regionCodes)
    {
        var codes = regionCodes.Cast<object>().ToArray();
        return Sql.Rows(store, $"""
            WITH s AS (SELECT series_id, name, name_zh, unit FROM series WHERE region_code IN ({Sql.Placeholders(codes.Length)})),
            latest AS (SELECT o.series_id, max(o.period) AS p, arg_max(o.value, o.period) AS v FROM current_observations o JOIN s USING (series_id)
                       GROUP BY o.series_id),
            light AS (SELECT l.series_id, l.points, l.colour FROM signal_lights_latest l JOIN s USING (series_id))
            SELECT s.series_id, s.name, s.name_zh, s.unit, latest.p, latest.v, light.points, light.colour
            FROM s LEFT JOIN latest USING (series_id) LEFT JOIN light USING (series_id) ORDER BY s.series_id
            """, r => new ProvinceSeries(r.GetString(0), r.GetString(1), r.Text(2), r.Text(3), r.IsDBNull(4) ? null : r.Day(4), r.Number(5),
                r.IsDBNull(6) ? null : r.GetInt32(6), r.Text(7)), codes);
    }
}

/// <summary>A regional indicator code and how many provinces report it.</summary>
public sealed record RegionalIndicator(string Code, string Name, string? NameZh, long Provinces);

/// <summary>A province's latest value, its change on a year earlier (pp for a rate, % for a level) and light for one indicator.</summary>
public sealed record ProvinceReading(string SeriesId, string RegionCode, string? Unit, DateOnly? Period, double? Value, Change? YearChange, int? Points, string? Colour);

/// <summary>One series of a province with its latest value and light.</summary>
public sealed record ProvinceSeries(string SeriesId, string Name, string? NameZh, string? Unit, DateOnly? Period, double? Value, int? Points, string? Colour);
