using DuckDB.NET.Data;
using Monitor.Core.Store;

namespace Monitor.Ingest.Vintage;

/// <summary>
/// Merges the staged file into the catalogue and the vintaged observations, inside the caller's transaction:
/// new (series, period) rows are inserted, revised ones close the current row (known_to) and open a new one,
/// unchanged ones are only counted, and periods absent from the file are left as they are.
/// </summary>
internal static class VintageMerge
{
    /// <summary>How many staged rows were new, revised or unchanged.</summary>
    public sealed record Counts(long New, long Revised, long Unchanged);

    private const long SliceRows = 1_000_000;

    /// <summary>Merges the staged rows; <paramref name="vintaged"/> rows carry their own known_from and go in as history (<see cref="VintageHistory"/>).</summary>
    public static Counts Apply(DuckDBConnection connection, DuckDBTransaction transaction, string dataset, string source, DateTime knownFrom, long runId, IReadOnlyList<StagedSeries> staged, bool vintaged = false)
    {
        if (!vintaged) ReleaseStamps.Stage(connection, transaction, dataset, staged);
        UpsertCatalogue(connection, transaction, dataset, source, knownFrom);
        ReplaceAttributes(connection, transaction, runId);
        if (vintaged) return VintageHistory.Insert(connection, transaction, knownFrom, runId);
        var existing = Sql.Long(connection, transaction, $"""
            SELECT count(*) FROM observations WHERE known_to IS NULL AND series_id IN (SELECT series_id FROM {StagingTables.Series})
            """);
        return existing == 0 ? InsertAll(connection, transaction, knownFrom, runId) : Diff(connection, transaction, knownFrom, runId);
    }

    private static void UpsertCatalogue(DuckDBConnection connection, DuckDBTransaction transaction, string dataset, string source, DateTime now) =>
        Sql.Execute(connection, transaction, $"""
            INSERT INTO series (series_id, dataset, code, name, name_zh, domain, region_code, industry_code, frequency, unit, transform, source, country, counter_cyclical, updated_at)
            SELECT series_id, $1, code, name, name_zh, domain, region_code, industry_code, frequency, unit, transform, $2, country, coalesce(counter_cyclical, FALSE), $3
            FROM {StagingTables.Series}
            ON CONFLICT (series_id) DO UPDATE SET
                name = excluded.name, name_zh = coalesce(excluded.name_zh, series.name_zh), domain = excluded.domain,
                unit = coalesce(excluded.unit, series.unit), transform = coalesce(excluded.transform, series.transform),
                source = excluded.source, country = coalesce(excluded.country, series.country),
                counter_cyclical = excluded.counter_cyclical OR series.counter_cyclical, updated_at = excluded.updated_at
            """, dataset, source, now);

    // A series that arrives with attributes gets exactly this load's set; one that arrives without keeps its old set.
    private static void ReplaceAttributes(DuckDBConnection connection, DuckDBTransaction transaction, long runId) =>
        Sql.Execute(connection, transaction, $"""
            DELETE FROM series_attributes WHERE series_id IN (
                SELECT s.series_id FROM {StagingTables.Series} s WHERE s.sidx IN (SELECT sidx FROM {StagingTables.Attributes}));
            INSERT INTO series_attributes (series_id, name, value, run_id)
            SELECT s.series_id, a.name, a.value, $1 FROM {StagingTables.Attributes} a JOIN {StagingTables.Series} s USING (sidx);
            """, runId);

    // First load of these series: nothing to compare with, so skip the join (the common case for a large initial file).
    private static Counts InsertAll(DuckDBConnection connection, DuckDBTransaction transaction, DateTime knownFrom, long runId)
    {
        var inserted = Sql.Execute(connection, transaction, $"""
            INSERT INTO observations (series_id, period, value, known_from, known_to, run_id)
            SELECT s.series_id, o.period, o.value, {ReleaseStamps.KnownFromExpression}, NULL, $2
            FROM {StagingTables.Observations} o JOIN {StagingTables.Series} s USING (sidx)
            {ReleaseStamps.Join}
            """, knownFrom, runId);
        return new Counts(inserted, 0, 0);
    }

    // Joins on the staged integer handle rather than the series id string, and keeps only the rows that change
    // (new or revised): with a 1 % revision that is a hundredth of the file. The join runs over slices of about a
    // million staged rows (by series), so its hash table stays small however large the file and the store are.
    private static Counts Diff(DuckDBConnection connection, DuckDBTransaction transaction, DateTime knownFrom, long runId)
    {
        Sql.Execute(connection, transaction, $"CREATE OR REPLACE TEMP TABLE {StagingTables.Diff} (series_id VARCHAR, period DATE, value DOUBLE, old_value DOUBLE)");
        var seriesCount = Sql.Long(connection, transaction, $"SELECT coalesce(max(sidx) + 1, 0) FROM {StagingTables.Series}");
        var staged = Sql.Long(connection, transaction, $"SELECT count(*) FROM {StagingTables.Observations}");
        var slice = Math.Max(1, (int)Math.Min(seriesCount, SliceRows * seriesCount / Math.Max(1, staged)));
        for (long low = 0; low < seriesCount; low += slice)
        {
            Sql.Execute(connection, transaction, $"""
                INSERT INTO {StagingTables.Diff}
                WITH slice AS (SELECT sidx, series_id FROM {StagingTables.Series} WHERE sidx >= $1 AND sidx < $2),
                cur AS (
                    SELECT s.sidx, c.period, c.value FROM observations c JOIN slice s ON s.series_id = c.series_id
                    WHERE c.known_to IS NULL),
                changed AS (
                    SELECT o.sidx, o.period, o.value, cur.value AS old_value
                    FROM {StagingTables.Observations} o LEFT JOIN cur ON cur.sidx = o.sidx AND cur.period = o.period
                    WHERE o.sidx >= $1 AND o.sidx < $2 AND (cur.value IS NULL OR cur.value <> o.value))
                SELECT s.series_id, changed.period, changed.value, changed.old_value FROM changed JOIN slice s USING (sidx)
                """, low, low + slice);
        }
        var added = Sql.Long(connection, transaction, $"SELECT count(*) FROM {StagingTables.Diff} WHERE old_value IS NULL");
        var revised = Sql.Long(connection, transaction, $"SELECT count(*) FROM {StagingTables.Diff} WHERE old_value IS NOT NULL");
        var result = new Counts(added, revised, staged - added - revised);
        if (result.Revised > 0)
        {
            Sql.Execute(connection, transaction, $"""
                UPDATE observations SET known_to = $1
                FROM (SELECT series_id, period FROM {StagingTables.Diff} WHERE old_value IS NOT NULL) d
                WHERE observations.series_id = d.series_id AND observations.period = d.period AND observations.known_to IS NULL
                """, knownFrom);
        }
        if (result.New + result.Revised > 0)
        {
            Sql.Execute(connection, transaction, $"""
                INSERT INTO observations (series_id, period, value, known_from, known_to, run_id)
                SELECT o.series_id, o.period, o.value, {ReleaseStamps.KnownFromExpression}, NULL, $2
                FROM (SELECT d.*, s.sidx FROM {StagingTables.Diff} d JOIN {StagingTables.Series} s USING (series_id)) o
                {ReleaseStamps.Join}
                """, knownFrom, runId);
        }
        return result;
    }
}
