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
        var size = requests.Any(r => r.By.Contains(AggregateRequest.Size)) ? "size_class" : "''";
        var firm = FirmKey.For(connection, "enterprise_current", HashFirmKeys);
        Sql.Execute(connection, null, $"""
            CREATE OR REPLACE TEMP TABLE {Fine} (indicator VARCHAR, period DATE, city VARCHAR, division VARCHAR, section VARCHAR,
                size_class VARCHAR, value DOUBLE, firms BIGINT, largest DOUBLE, same_now DOUBLE, same_ago DOUBLE, same_firms BIGINT)
            """);
        // One indicator at a time: the year-ago side of the join then holds one indicator's rows, not the panel's. The
        // join is on the firm key and the month's number (year × 12 + month): date arithmetic on every row cost as much
        // as the join itself. The class's division is looked up once per cell, after the sums, not once per row.
        foreach (var indicator in requests.Select(r => r.Indicator).Distinct())
            Sql.Execute(connection, null, $"""
                INSERT INTO {Fine}
                WITH months AS (SELECT DISTINCT period, CAST(period - INTERVAL 12 MONTH AS DATE) AS ago_period FROM {Wanted} WHERE indicator = $1),
                now AS (
                    SELECT {firm} AS firm, year(period) * 12 + month(period) AS month, period, substr(region_code, 1, 4) AS city,
                           substr(industry_code, 1, 2) AS division, {size} AS size_class, value
                    FROM enterprise_current WHERE indicator = $1 AND period IN (SELECT period FROM months)),
                ago AS (
                    SELECT {firm} AS firm, year(period) * 12 + month(period) + 12 AS month, value FROM enterprise_current
                    WHERE indicator = $1 AND period IN (SELECT ago_period FROM months)),
                cells AS (
                    SELECT now.period, city, division, size_class, sum(now.value) AS value, count(*) AS firms, max(abs(now.value)) AS largest,
                           coalesce(sum(now.value) FILTER (WHERE ago.value IS NOT NULL), 0) AS same_now, coalesce(sum(ago.value), 0) AS same_ago,
                           count(ago.value) AS same_firms
                    FROM now LEFT JOIN ago USING (firm, month)
                    GROUP BY ALL)
                SELECT $1, period, city, d.code, d.parent, size_class, value, firms, largest, same_now, same_ago, same_firms
                FROM cells JOIN enterprise_industry_codes d ON d.code = cells.division
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

    /// <summary>Join firms on hash(enterprise_id) when it tells every firm of the panel apart (<see cref="FirmKey"/>); false checks the other path.</summary>
    internal bool HashFirmKeys { get; init; } = true;

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
        // The fine cells are first summed to the shape's finest cells, so each grouping set reads those, not every fine cell.
        return Sql.Rows(connection, $"""
            WITH shape AS (
                SELECT indicator, period, {string.Join(", ", keys)}, sum(value) AS value, sum(firms) AS firms, max(largest) AS largest,
                       sum(same_now) AS same_now, sum(same_ago) AS same_ago, sum(same_firms) AS same_firms
                FROM {Fine} f
                WHERE EXISTS (SELECT 1 FROM {Wanted} w WHERE w.shape = $1 AND w.indicator = f.indicator AND w.period = f.period)
                GROUP BY ALL)
            SELECT indicator, period, {string.Join(", ", names.Select(k => $"coalesce({k}, '{AggregateRequest.Total}')"))},
                   sum(value), CAST(sum(firms) AS BIGINT), max(largest), sum(same_now), sum(same_ago), CAST(sum(same_firms) AS BIGINT)
            FROM shape
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
