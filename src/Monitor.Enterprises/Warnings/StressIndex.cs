using Microsoft.Extensions.Options;
using Monitor.Core.Store;
using Monitor.Enterprises.Ingest;
using Monitor.Enterprises.Store;
using Monitor.Ingest.Model;
using Monitor.Ingest.Vintage;

namespace Monitor.Enterprises.Warnings;

/// <summary>
/// The stress index (企业经营压力指数): per province × GB/T 4754 section, per province, per section and nationally,
/// the share (%) of last year's output held by firms with any warning this month — firms that stopped reporting count
/// as in distress through their silent/exit warnings. Written as ordinary series (dataset enterprise_stress, counter-
/// cyclical) through the vintage writer, so lights, alerts and e-mails treat it like any series. Only cells that pass
/// the primary disclosure rules in every month are published (a ratio of unpublished weights cannot be solved from
/// its margins, so no secondary suppression is needed).
/// </summary>
public sealed class StressIndex(MonitorStore store, VintageWriter writer, IOptions<EnterpriseOptions> options)
{
    public const string Dataset = "enterprise_stress";
    public const string Code = "ENT_STRESS";

    private sealed record Cell(string Province, string Section, DateOnly Period, double Stress, long Firms, double Largest);

    public IngestResult Publish()
    {
        var rules = options.Value.Disclosure;
        var cells = Cells();
        var publishable = cells.GroupBy(c => (c.Province, c.Section))
            .Where(g => g.All(c => c.Firms >= rules.MinFirms && c.Largest <= rules.MaxLargestShare))
            .ToList();
        return writer.Ingest(new IngestInput("enterprise-stress", Dataset, "enterprise_warnings", "enterprise_warnings", [], sink =>
        {
            var line = 0L;
            foreach (var series in publishable)
            {
                var handle = sink.Series(Spec(series.Key.Province, series.Key.Section), ++line);
                foreach (var cell in series.OrderBy(c => c.Period))
                {
                    sink.RowRead();
                    sink.Value(handle, cell.Period, Math.Round(cell.Stress, 3), line);
                }
            }
        }, Force: true));
    }

    private List<Cell> Cells()
    {
        using var connection = store.Open();
        PanelChecks.Prepare(connection);
        return Sql.Rows(connection, """
            WITH base AS (
                SELECT c.enterprise_id, CAST(c.period + INTERVAL 12 MONTH AS DATE) AS period, c.value AS weight,
                       substr(c.region_code, 1, 2) AS province, d.parent AS section
                FROM enterprise_current c JOIN enterprise_industry_codes d ON d.code = substr(c.industry_code, 1, 2)
                WHERE c.indicator = 'output' AND c.value > 0),
            distress AS (SELECT DISTINCT enterprise_id, period FROM enterprise_warnings)
            SELECT coalesce(province, '_T'), coalesce(section, '_T'), b.period,
                   100 * coalesce(sum(weight) FILTER (WHERE d.enterprise_id IS NOT NULL), 0) / sum(weight), count(*), max(weight) / sum(weight)
            FROM base b LEFT JOIN distress d USING (enterprise_id, period)
            WHERE b.period <= (SELECT max(period) FROM enterprise_current)
            GROUP BY GROUPING SETS ((province, section, b.period), (province, b.period), (section, b.period), (b.period))
            """, r => new Cell(r.GetString(0), r.GetString(1), DateOnly.FromDateTime(r.GetDateTime(2)), r.GetDouble(3), r.GetInt64(4), r.GetDouble(5)));
    }

    private static SeriesSpec Spec(string province, string section)
    {
        var region = province == "_T" ? null : ProvinceCodes.Iso(province);
        var industry = section == "_T" ? null : "GB-" + section;
        var domain = region is not null ? "regional" : industry is not null ? "industry" : "macro";
        return new SeriesSpec(Code, "Enterprise stress index (share of output in distressed firms)", domain, "M", region, industry,
            "规上企业经营压力指数（困难企业产值占比）", "%", null, "CN", CounterCyclical: true);
    }
}

/// <summary>GB/T 2260 province codes (two digits) and their ISO 3166-2:CN codes, as the shared regions.csv pairs them.</summary>
internal static class ProvinceCodes
{
    private static readonly Dictionary<string, string> ToIso = new(StringComparer.Ordinal)
    {
        ["11"] = "CN-BJ", ["12"] = "CN-TJ", ["13"] = "CN-HE", ["14"] = "CN-SX", ["15"] = "CN-NM", ["21"] = "CN-LN", ["22"] = "CN-JL",
        ["23"] = "CN-HL", ["31"] = "CN-SH", ["32"] = "CN-JS", ["33"] = "CN-ZJ", ["34"] = "CN-AH", ["35"] = "CN-FJ", ["36"] = "CN-JX",
        ["37"] = "CN-SD", ["41"] = "CN-HA", ["42"] = "CN-HB", ["43"] = "CN-HN", ["44"] = "CN-GD", ["45"] = "CN-GX", ["46"] = "CN-HI",
        ["50"] = "CN-CQ", ["51"] = "CN-SC", ["52"] = "CN-GZ", ["53"] = "CN-YN", ["54"] = "CN-XZ", ["61"] = "CN-SN", ["62"] = "CN-GS",
        ["63"] = "CN-QH", ["64"] = "CN-NX", ["65"] = "CN-XJ",
    };

    public static string Iso(string province) => ToIso.GetValueOrDefault(province, "CN-" + province);
}
