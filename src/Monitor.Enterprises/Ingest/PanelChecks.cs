using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Enterprises.Codes;
using Monitor.Enterprises.Store;

namespace Monitor.Enterprises.Ingest;

/// <summary>
/// Finds what is wrong with the rows one load inserted (still uncommitted), set-wise in DuckDB: cheap cell checks on
/// every row, code checks on distinct codes only, and one grouping by (firm, month) for repeated keys and undated
/// moves. It returns what to look for; <see cref="PanelExplainer"/> turns that into file:line problems.
/// </summary>
internal static class PanelChecks
{
    /// <summary>A (firm, month) pair that needs a closer look, and why it was flagged.</summary>
    public sealed record FlaggedPair(string EnterpriseId, DateOnly Period, string Kind, string? StoredRegion);

    /// <summary>What the checks found; <see cref="Any"/> is false for a clean load.</summary>
    public sealed record Findings(long BadCells, IReadOnlyList<string> BadIds, IReadOnlyList<string> BadRegions,
        IReadOnlyList<string> BadIndustries, IReadOnlyList<FlaggedPair> Pairs)
    {
        public bool Any => BadCells > 0 || BadIds.Count > 0 || BadRegions.Count > 0 || BadIndustries.Count > 0 || Pairs.Any(p => p.Kind != Identical);
    }

    public const string Repeated = "repeated";
    public const string Identical = "identical";
    public const string Moved = "moved";
    public const string MovedFromStore = "moved-from-store";
    private const int Kept = 200;

    /// <summary>Cell checks that need no code list: the negation marks a bad row.</summary>
    public static string CellsOk(string prefix = "") => $"""
        (coalesce({prefix}enterprise_id, '') <> '' AND coalesce({prefix}enterprise_name, '') <> '' AND coalesce({prefix}indicator, '') <> ''
         AND {prefix}size_class IN ({string.Join(", ", PanelLayout.SizeClasses.Select(s => $"'{s}'"))})
         AND {prefix}period IS NOT NULL AND day({prefix}period) = 1 AND {prefix}value IS NOT NULL AND isfinite({prefix}value)
         AND {prefix}region_code IS NOT NULL AND {prefix}industry_code IS NOT NULL)
        """;

    /// <summary>Creates the connection's temporary code tables and macros used by the checks and the roll-ups.</summary>
    public static void Prepare(DuckDBConnection connection)
    {
        CodeLists.Shipped.CopyTo(connection);
        Sql.Execute(connection, null, CreditCode.SqlMacro);
        Sql.Execute(connection, null, """
            CREATE OR REPLACE TEMP MACRO enterprise_industry_ok(class) AS (
                coalesce(regexp_full_match(class, '[0-9]{2}[1-9][0-9]'), FALSE)
                AND substr(class, 1, 2) IN (SELECT c.code FROM enterprise_industry_codes c WHERE c.level = 'division'))
            """);
    }

    public static Findings Run(DuckDBConnection connection, long runId, bool storeHasOtherRows)
    {
        var badCells = Sql.Long(connection, null, $"SELECT count(*) FILTER (WHERE NOT {CellsOk()}) FROM enterprise_observations WHERE run_id = $1", runId);
        var ids = Strings(connection, $"""
            SELECT enterprise_id FROM (SELECT DISTINCT enterprise_id FROM enterprise_observations WHERE run_id = $1 AND enterprise_id IS NOT NULL)
            WHERE NOT enterprise_uscc_ok(enterprise_id) LIMIT {Kept}
            """, runId);
        var regions = Strings(connection, $"""
            SELECT region_code FROM (SELECT DISTINCT region_code FROM enterprise_observations WHERE run_id = $1 AND region_code IS NOT NULL)
            WHERE region_code NOT IN (SELECT code FROM enterprise_region_codes) LIMIT {Kept}
            """, runId);
        var industries = Strings(connection, $"""
            SELECT industry_code FROM (SELECT DISTINCT industry_code FROM enterprise_observations WHERE run_id = $1 AND industry_code IS NOT NULL)
            WHERE NOT enterprise_industry_ok(industry_code) LIMIT {Kept}
            """, runId);
        var pairs = RepeatedOrMoved(connection, runId);
        if (storeHasOtherRows) pairs.AddRange(MovedAgainstStore(connection, runId));
        return new Findings(badCells, ids, regions, industries, pairs);
    }

    // One grouping by (firm, month): more rows than distinct indicators means a repeated key (the indicator set is
    // folded into a bitmask, far cheaper than a distinct count over 36 M groups); two regions mean an undated move.
    private static List<FlaggedPair> RepeatedOrMoved(DuckDBConnection connection, long runId)
    {
        var indicators = Strings(connection, "SELECT DISTINCT indicator FROM enterprise_observations WHERE run_id = $1 AND indicator IS NOT NULL ORDER BY 1", runId);
        var distinctIndicators = indicators.Count <= 62
            ? $"bit_count(bit_or(CAST(1 AS BIGINT) << (list_position([{string.Join(", ", indicators.Select(SqlIdentifier.Literal))}], indicator) - 1)))"
            : "count(DISTINCT indicator)";
        var flagged = Sql.Rows(connection, $"""
            SELECT enterprise_id, period, count(*) > {distinctIndicators} AS repeated, min(region_code) <> max(region_code) AS moved
            FROM enterprise_observations WHERE run_id = $1 AND period IS NOT NULL AND enterprise_id IS NOT NULL AND indicator IS NOT NULL
            GROUP BY enterprise_id, period
            HAVING count(*) > {distinctIndicators} OR min(region_code) <> max(region_code)
            LIMIT {Kept}
            """, r => (Id: r.GetString(0), Period: DateOnly.FromDateTime(r.GetDateTime(1)), Repeated: r.GetBoolean(2), Moved: r.GetBoolean(3)), runId);
        var pairs = new List<FlaggedPair>();
        foreach (var f in flagged)
        {
            if (f.Moved) pairs.Add(new FlaggedPair(f.Id, f.Period, Moved, null));
            if (f.Repeated) pairs.Add(new FlaggedPair(f.Id, f.Period, RepeatedKind(connection, runId, f.Id, f.Period), null));
        }
        return pairs;
    }

    // A repeated key with one value is harmless (dropped before the merge); with two values it is rejected.
    private static string RepeatedKind(DuckDBConnection connection, long runId, string id, DateOnly period) =>
        Sql.Long(connection, null, """
            SELECT count(*) FROM (
                SELECT indicator FROM enterprise_observations WHERE run_id = $1 AND enterprise_id = $2 AND period = $3
                GROUP BY indicator HAVING min(value) <> max(value))
            """, runId, id, period) > 0 ? Repeated : Identical;

    private static IEnumerable<FlaggedPair> MovedAgainstStore(DuckDBConnection connection, long runId) =>
        Sql.Rows(connection, $"""
            SELECT DISTINCT n.enterprise_id, n.period, o.region_code
            FROM enterprise_observations n JOIN enterprise_observations o
              ON o.enterprise_id = n.enterprise_id AND o.period = n.period AND o.indicator = n.indicator
            WHERE n.run_id = $1 AND o.run_id <> $1 AND o.known_to IS NULL AND o.region_code <> n.region_code
            LIMIT {Kept}
            """, r => new FlaggedPair(r.GetString(0), DateOnly.FromDateTime(r.GetDateTime(1)), MovedFromStore, r.GetString(2)), runId);

    private static List<string> Strings(DuckDBConnection connection, string sql, params object?[] parameters) =>
        Sql.Rows(connection, sql, r => r.GetString(0), parameters);
}
