using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Enterprises.Ingest;
using Monitor.Enterprises.Store;

namespace Monitor.Enterprises.Aggregates;

/// <summary>
/// Builds the raw cells of tables set-wise in DuckDB. Sums, counts and maxima add up, so every requested (indicator,
/// month) is first summed once at the finest level any table needs (city × division × size class, with the same-sample
/// totals of a year earlier); each table shape then rolls those partial sums up with GROUPING SETS, margins from the
/// same pass. Many tables thus cost one scan of the panel per indicator instead of one per table. The result is
/// confidential until <see cref="Disclosure.DisclosureControl"/> has run.
/// </summary>
public sealed class AggregateQuery(MonitorStore store)
{
    private const string Fine = "enterprise_aggregate_fine", Wanted = "enterprise_aggregate_wanted";

    /// <summary>The latest month of the current vintage, or null for an empty panel.</summary>
    public DateOnly? LatestPeriod()
    {
        using var connection = store.Open();
        return Sql.Rows(connection, "SELECT max(period) FROM enterprise_current", r => r.IsDBNull(0) ? (DateOnly?)null : DateOnly.FromDateTime(r.GetDateTime(0))).Single();
    }

    internal IReadOnlyList<AggregateCell> Cells(AggregateRequest request) => Cells([request])[0];

    /// <summary>The raw cells of each request, in request order; each table's cells sorted by their codes.</summary>
    internal IReadOnlyList<IReadOnlyList<AggregateCell>> Cells(IReadOnlyList<AggregateRequest> requests)
    {
        using var connection = store.Open();
        PanelChecks.Prepare(connection);
        var shapes = requests.Select(Shape).Distinct().ToList();
        WriteWanted(connection, requests, shapes);
        var size = requests.Any(r => r.By.Contains(AggregateRequest.Size)) ? "c.size_class" : "''";
        Sql.Execute(connection, null, $"""
            CREATE OR REPLACE TEMP TABLE {Fine} (indicator VARCHAR, period DATE, city VARCHAR, division VARCHAR, section VARCHAR,
                size_class VARCHAR, value DOUBLE, firms BIGINT, largest DOUBLE, same_now DOUBLE, same_ago DOUBLE, same_firms BIGINT)
            """);
        // One indicator at a time: the year-ago side of the join then holds one indicator's rows, not the panel's.
        foreach (var indicator in requests.Select(r => r.Indicator).Distinct())
            Sql.Execute(connection, null, $"""
                INSERT INTO {Fine}
                WITH months AS (SELECT DISTINCT period FROM {Wanted} WHERE indicator = $1),
                now AS (
                    SELECT c.enterprise_id, c.period, substr(c.region_code, 1, 4) AS city, d.code AS division, d.parent AS section,
                           {size} AS size_class, c.value
                    FROM enterprise_current c JOIN enterprise_industry_codes d ON d.code = substr(c.industry_code, 1, 2)
                    WHERE c.indicator = $1 AND c.period IN (SELECT period FROM months)),
                ago AS (
                    SELECT enterprise_id, CAST(period + INTERVAL 12 MONTH AS DATE) AS period, value FROM enterprise_current
                    WHERE indicator = $1 AND CAST(period + INTERVAL 12 MONTH AS DATE) IN (SELECT period FROM months))
                SELECT $1, now.period, city, division, section, size_class, sum(now.value), count(*), max(abs(now.value)),
                       coalesce(sum(now.value) FILTER (WHERE ago.value IS NOT NULL), 0), coalesce(sum(ago.value), 0), count(ago.value)
                FROM now LEFT JOIN ago USING (enterprise_id, period)
                GROUP BY ALL
                """, indicator);
        var tables = new Dictionary<(int Shape, string Indicator, DateOnly Period), List<AggregateCell>>();
        for (var s = 0; s < shapes.Count; s++)
            foreach (var (indicator, period, cell) in RollUp(connection, s, shapes[s]))
                (tables.TryGetValue((s, indicator, period), out var list) ? list : tables[(s, indicator, period)] = []).Add(cell);
        return requests.Select(r => (IReadOnlyList<AggregateCell>)
            (tables.TryGetValue((shapes.IndexOf(Shape(r)), r.Indicator, r.Period), out var cells)
                ? cells.OrderBy(c => string.Join('\u001f', c.Codes), StringComparer.Ordinal).ToList()
                : [])).ToList();
    }

    // Requests that differ only in indicator and month share one roll-up.
    private static string Shape(AggregateRequest r) => $"{string.Join(',', r.By)}|{r.RegionLevel}|{r.IndustryLevel}";

    private static void WriteWanted(DuckDBConnection connection, IReadOnlyList<AggregateRequest> requests, List<string> shapes)
    {
        Sql.Execute(connection, null, $"CREATE OR REPLACE TEMP TABLE {Wanted} (shape INTEGER, indicator VARCHAR, period DATE)");
        using var appender = connection.CreateAppender("temp", "main", Wanted);
        foreach (var r in requests)
            appender.CreateRow().AppendValue(shapes.IndexOf(Shape(r))).AppendValue(r.Indicator).AppendValue(r.Period.ToDateTime(TimeOnly.MinValue)).EndRow();
    }

    private static List<(string Indicator, DateOnly Period, AggregateCell Cell)> RollUp(DuckDBConnection connection, int shape, string text)
    {
        var parts = text.Split('|');
        var by = parts[0].Split(',');
        var names = by.Select((_, i) => $"k{i}").ToList();
        var keys = by.Select((d, i) => $"{Expression(d, parts[1], parts[2])} AS {names[i]}");
        var sets = Subsets(names.Count).Select(s => "(" + string.Join(", ", new[] { "indicator", "period" }.Concat(s.Select(i => names[i]))) + ")");
        var n = names.Count;
        return Sql.Rows(connection, $"""
            SELECT indicator, period, {string.Join(", ", names.Select(k => $"coalesce({k}, '{AggregateRequest.Total}')"))},
                   sum(value), CAST(sum(firms) AS BIGINT), max(largest), sum(same_now), sum(same_ago), CAST(sum(same_firms) AS BIGINT)
            FROM (SELECT f.*, {string.Join(", ", keys)} FROM {Fine} f
                  WHERE EXISTS (SELECT 1 FROM {Wanted} w WHERE w.shape = $1 AND w.indicator = f.indicator AND w.period = f.period))
            GROUP BY GROUPING SETS ({string.Join(", ", sets)})
            """, r => (r.GetString(0), DateOnly.FromDateTime(r.GetDateTime(1)), new AggregateCell(
                Enumerable.Range(2, n).Select(r.GetString).ToArray(), r.GetDouble(n + 2), r.GetInt64(n + 3), r.GetDouble(n + 4),
                r.GetDouble(n + 5), r.GetDouble(n + 6), r.GetInt64(n + 7))), shape);
    }

    private static string Expression(string dimension, string regionLevel, string industryLevel) => dimension switch
    {
        AggregateRequest.Region => regionLevel == "city" ? "city" : "substr(city, 1, 2)",
        AggregateRequest.Industry => industryLevel == "section" ? "section" : "section || division",
        _ => "size_class",
    };

    private static IEnumerable<List<int>> Subsets(int n) =>
        Enumerable.Range(0, 1 << n).Select(mask => Enumerable.Range(0, n).Where(i => (mask & (1 << i)) != 0).ToList());
}
