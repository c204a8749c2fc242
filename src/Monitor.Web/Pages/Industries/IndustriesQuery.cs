using Monitor.Core.Domain;
using Monitor.Core.Store;
using Monitor.Web.Pages.Shared;

namespace Monitor.Web.Pages.Industries;

/// <summary>Industry indicators: a heatmap of industries × months (the light's metric and colour, else year-on-year growth).</summary>
public sealed class IndustriesQuery(MonitorStore store)
{
    public IReadOnlyList<IndustryIndicator> Indicators() => Sql.Rows(store, """
        SELECT code, min(name), min(name_zh), count(*) FROM series WHERE domain = 'industry' GROUP BY code ORDER BY code
        """, r => new IndustryIndicator(r.GetString(0), r.GetString(1), r.Text(2), r.Count(3)));

    /// <summary>Cells of the last <paramref name="months"/> months for every industry series of <paramref name="code"/>.</summary>
    public IReadOnlyList<HeatCell> Cells(string code, int months = 24) => Sql.Rows(store, """
        WITH s AS (SELECT series_id, industry_code, name, name_zh, unit FROM series WHERE domain = 'industry' AND code = $1),
        cur AS (SELECT o.series_id, o.period, o.value FROM current_observations o JOIN s USING (series_id)),
        last AS (SELECT max(period) AS p FROM cur),
        growth AS (SELECT c.series_id, c.period, c.value, p.value AS year_before
                   FROM cur c LEFT JOIN cur p ON p.series_id = c.series_id AND p.period = CAST(c.period - INTERVAL 1 YEAR AS DATE)
                   WHERE c.period > (SELECT p FROM last) - to_months($2)),
        light AS (SELECT l.series_id, l.period, l.points, l.colour, l.metric FROM signal_lights_current l JOIN s USING (series_id))
        SELECT s.series_id, s.industry_code, s.name, s.name_zh, g.period, g.value, g.year_before, light.points, light.colour, light.metric, s.unit
        FROM s JOIN growth g USING (series_id) LEFT JOIN light ON light.series_id = g.series_id AND light.period = g.period
        ORDER BY s.industry_code, g.period
        """, r => new HeatCell(r.GetString(0), r.Text(1) ?? "", r.GetString(2), r.Text(3), r.Day(4), r.GetDouble(5),
            SeriesChange.Between(r.Number(6), r.GetDouble(5), SeriesChange.InPoints(code, r.GetString(2), r.Text(3), r.Text(10))),
            r.IsDBNull(7) ? null : r.GetInt32(7), r.Text(8), r.Number(9)), code, months);
}

/// <summary>An industry indicator code and how many industries report it.</summary>
public sealed record IndustryIndicator(string Code, string Name, string? NameZh, long Industries);

/// <summary>One industry-month of the heatmap: value, change on a year earlier (pp for a rate, % for a level) and light.</summary>
public sealed record HeatCell(string SeriesId, string IndustryCode, string Name, string? NameZh, DateOnly Period, double Value, Change? YearChange,
    int? Points, string? Colour, double? Metric);
