using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Enterprises.Store;

namespace Monitor.Enterprises.Ingest;

/// <summary>
/// Merges a load's rows with the current vintage, inside the load's transaction: rows equal to the current ones are
/// dropped (unchanged), current rows the load revises are closed (known_to), the rest are new.
/// </summary>
internal static class PanelMerge
{
    public sealed record Counts(long New, long Revised, long Unchanged);

    private const string SameKey = "o.enterprise_id = n.enterprise_id AND o.indicator = n.indicator AND o.period = n.period";

    private const string SameFacts = """
        o.value = n.value AND o.enterprise_name = n.enterprise_name AND o.industry_code = n.industry_code
        AND o.size_class = n.size_class AND o.unit IS NOT DISTINCT FROM n.unit
        """;

    public static Counts Diff(DuckDBConnection connection, long runId, DateTime knownFrom)
    {
        var unchanged = Sql.Execute(connection, null, $"""
            DELETE FROM enterprise_observations n WHERE n.run_id = $1 AND EXISTS (
                SELECT 1 FROM enterprise_observations o WHERE o.known_to IS NULL AND o.run_id <> $1 AND {SameKey} AND {SameFacts})
            """, runId);
        var revised = Sql.Execute(connection, null, $"""
            UPDATE enterprise_observations o SET known_to = $2
            WHERE o.known_to IS NULL AND o.run_id <> $1 AND EXISTS (
                SELECT 1 FROM enterprise_observations n WHERE n.run_id = $1 AND {SameKey})
            """, runId, knownFrom);
        var kept = Sql.Long(connection, null, "SELECT count(*) FROM enterprise_observations WHERE run_id = $1", runId);
        return new Counts(kept - revised, revised, unchanged);
    }
}
