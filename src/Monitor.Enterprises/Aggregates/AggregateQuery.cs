using Monitor.Core.Store;
using Monitor.Enterprises.Ingest;
using Monitor.Enterprises.Store;

namespace Monitor.Enterprises.Aggregates;

/// <summary>
/// Builds the raw cells of a table set-wise in DuckDB (GROUPING SETS over every subset of the dimensions, so margins
/// come from the same pass). The result is confidential until <see cref="Disclosure.DisclosureControl"/> has run.
/// </summary>
public sealed class AggregateQuery(MonitorStore store)
{
    /// <summary>The latest month of the current vintage, or null for an empty panel.</summary>
    public DateOnly? LatestPeriod()
    {
        using var connection = store.Open();
        return Sql.Rows(connection, "SELECT max(period) FROM enterprise_current", r => r.IsDBNull(0) ? (DateOnly?)null : DateOnly.FromDateTime(r.GetDateTime(0))).Single();
    }

    internal IReadOnlyList<AggregateCell> Cells(AggregateRequest request)
    {
        using var connection = store.Open();
        PanelChecks.Prepare(connection);
        var keys = request.By.Select(d => Expression(d, request)).ToList();
        var names = request.By.Select((_, i) => $"k{i}").ToList();
        var sets = Subsets(names.Count).Select(s => "(" + string.Join(", ", s.Select(i => names[i])) + ")");
        var select = string.Join(", ", names.Select(n => $"coalesce({n}, '{AggregateRequest.Total}')"));
        var sql = $"""
            WITH now AS (
                SELECT c.enterprise_id, {string.Join(", ", keys.Select((k, i) => $"{k} AS {names[i]}"))}, c.value
                FROM enterprise_current c JOIN enterprise_industry_codes d ON d.code = substr(c.industry_code, 1, 2)
                WHERE c.indicator = $1 AND c.period = $2),
            ago AS (SELECT enterprise_id, value FROM enterprise_current WHERE indicator = $1 AND period = $3)
            SELECT {select}, sum(now.value), count(*), max(abs(now.value)),
                   coalesce(sum(now.value) FILTER (WHERE ago.value IS NOT NULL), 0), coalesce(sum(ago.value), 0), count(ago.value)
            FROM now LEFT JOIN ago USING (enterprise_id)
            GROUP BY GROUPING SETS ({string.Join(", ", sets)})
            """;
        var n = names.Count;
        return Sql.Rows(connection, sql, r => new AggregateCell(
            Enumerable.Range(0, n).Select(r.GetString).ToArray(), r.GetDouble(n), r.GetInt64(n + 1), r.GetDouble(n + 2),
            r.GetDouble(n + 3), r.GetDouble(n + 4), r.GetInt64(n + 5)),
            request.Indicator, request.Period, request.Period.AddYears(-1));
    }

    private static string Expression(string dimension, AggregateRequest request) => dimension switch
    {
        AggregateRequest.Region => request.RegionLevel == "city" ? "substr(c.region_code, 1, 4)" : "substr(c.region_code, 1, 2)",
        AggregateRequest.Industry => request.IndustryLevel == "section" ? "d.parent" : "d.parent || substr(c.industry_code, 1, 2)",
        _ => "c.size_class",
    };

    private static IEnumerable<List<int>> Subsets(int n) =>
        Enumerable.Range(0, 1 << n).Select(mask => Enumerable.Range(0, n).Where(i => (mask & (1 << i)) != 0).ToList());
}
