using DuckDB.NET.Data;

namespace Monitor.Ingest.Vintage;

/// <summary>
/// Merges staged vintages (rows with their own known_from, from a real-time source such as ALFRED) into the vintaged
/// observations. A vintage already stored (same period, known_from and value) is unchanged; a vintage whose value equals
/// the one before it in the file adds nothing and is dropped; the others are inserted, none later than the load. Then
/// each touched period's rows are chained again: a row is known until the next row's known_from, the last one has no
/// known_to, unless the file says the period was withdrawn (its latest vintage has an end). Rows from earlier loads are
/// kept, only their known_to may move, so the history stays one timeline.
/// </summary>
internal static class VintageHistory
{
    /// <summary>Inserts the new vintages and re-chains their periods; the first vintage of a period the store did not hold counts as new, any other as revised.</summary>
    public static VintageMerge.Counts Insert(DuckDBConnection connection, DuckDBTransaction transaction, DateTime loadedAt, long runId)
    {
        Sql.Execute(connection, transaction, $"""
            CREATE OR REPLACE TEMP TABLE {StagingTables.Diff} AS
            WITH v AS (
                SELECT s.series_id, o.period, o.value, least(o.known_from, $1) AS known_from
                FROM {StagingTables.Observations} o JOIN {StagingTables.Series} s ON s.sidx = o.sidx),
            changes AS (
                SELECT *, row_number() OVER (PARTITION BY series_id, period ORDER BY known_from) AS nth FROM (
                    SELECT *, lag(value) OVER (PARTITION BY series_id, period ORDER BY known_from) AS previous FROM v)
                WHERE previous IS NULL OR previous <> value)
            SELECT c.series_id, c.period, c.value, c.known_from,
                c.nth > 1 OR EXISTS (SELECT 1 FROM observations x WHERE x.series_id = c.series_id AND x.period = c.period) AS revises
            FROM changes c
            WHERE NOT EXISTS (SELECT 1 FROM observations x WHERE x.series_id = c.series_id AND x.period = c.period
                                AND x.known_from = c.known_from AND x.value = c.value)
            """, loadedAt);
        var staged = Sql.Long(connection, transaction, $"SELECT count(*) FROM {StagingTables.Observations}");
        var added = Sql.Long(connection, transaction, $"SELECT count(*) FROM {StagingTables.Diff} WHERE NOT revises");
        var revised = Sql.Long(connection, transaction, $"SELECT count(*) FROM {StagingTables.Diff} WHERE revises");
        if (added + revised > 0) Chain(connection, transaction, runId);
        var withdrawn = Withdraw(connection, transaction, loadedAt);
        return new VintageMerge.Counts(added, revised + withdrawn, staged - added - revised);
    }

    private static void Chain(DuckDBConnection connection, DuckDBTransaction transaction, long runId) =>
        Sql.Execute(connection, transaction, $"""
            INSERT INTO observations (series_id, period, value, known_from, known_to, run_id)
            SELECT series_id, period, value, known_from, NULL, $1 FROM {StagingTables.Diff};
            UPDATE observations SET known_to = chain.next_from
            FROM (
                SELECT o.series_id, o.period, o.known_from, o.run_id,
                    lead(o.known_from) OVER (PARTITION BY o.series_id, o.period ORDER BY o.known_from, o.run_id) AS next_from
                FROM observations o JOIN (SELECT DISTINCT series_id, period FROM {StagingTables.Diff}) d
                    ON d.series_id = o.series_id AND d.period = o.period) chain
            WHERE observations.series_id = chain.series_id AND observations.period = chain.period
                AND observations.known_from = chain.known_from AND observations.run_id = chain.run_id
                AND observations.known_to IS DISTINCT FROM chain.next_from;
            """, runId);

    /// <summary>
    /// Closes each period whose latest vintage in the file says it stopped being published (ALFRED's realtime_end) and
    /// that no later vintage replaced: the period was withdrawn then, so as-of reads after that date no longer see it.
    /// </summary>
    private static long Withdraw(DuckDBConnection connection, DuckDBTransaction transaction, DateTime loadedAt) =>
        Sql.Execute(connection, transaction, $"""
            UPDATE observations SET known_to = w.closed
            FROM (
                SELECT s.series_id, o.period, CASE WHEN o.known_to IS NOT NULL THEN least(o.known_to, $1) END AS closed -- least() skips NULLs: keep "not withdrawn" NULL
                FROM {StagingTables.Observations} o JOIN {StagingTables.Series} s ON s.sidx = o.sidx
                QUALIFY row_number() OVER (PARTITION BY o.sidx, o.period ORDER BY o.known_from DESC) = 1) w
            WHERE w.closed IS NOT NULL AND observations.series_id = w.series_id AND observations.period = w.period
                AND observations.known_to IS NULL AND observations.known_from < w.closed
            """, loadedAt);
}
