using DuckDB.NET.Data;

namespace Monitor.Ingest.Vintage;

/// <summary>
/// Merges the staged file into the catalogue and the vintaged observations, inside the caller's transaction:
/// new (series, period) rows are inserted, revised ones close the current row (known_to) and open a new one,
/// unchanged ones are only counted, and periods absent from the file are left as they are.
/// </summary>
internal static class VintageMerge
{
    public sealed record Counts(long New, long Revised, long Unchanged);

    public static Counts Apply(DuckDBConnection connection, DuckDBTransaction transaction, string dataset, string source, DateTime knownFrom, long runId)
    {
        UpsertCatalogue(connection, transaction, dataset, source, knownFrom);
        var existing = Sql.Long(connection, transaction, $"""
            SELECT count(*) FROM observations WHERE known_to IS NULL AND series_id IN (SELECT series_id FROM {StagingTables.Series})
            """);
        return existing == 0 ? InsertAll(connection, transaction, knownFrom, runId) : Diff(connection, transaction, knownFrom, runId);
    }

    private static void UpsertCatalogue(DuckDBConnection connection, DuckDBTransaction transaction, string dataset, string source, DateTime now) =>
        Sql.Execute(connection, transaction, $"""
            INSERT INTO series (series_id, dataset, code, name, name_zh, domain, region_code, industry_code, frequency, unit, transform, source, country, updated_at)
            SELECT series_id, $1, code, name, name_zh, domain, region_code, industry_code, frequency, unit, transform, $2, country, $3
            FROM {StagingTables.Series}
            ON CONFLICT (series_id) DO UPDATE SET
                name = excluded.name, name_zh = coalesce(excluded.name_zh, series.name_zh), domain = excluded.domain,
                unit = coalesce(excluded.unit, series.unit), transform = coalesce(excluded.transform, series.transform),
                source = excluded.source, country = coalesce(excluded.country, series.country), updated_at = excluded.updated_at
            """, dataset, source, now);

    // First load of these series: nothing to compare with, so skip the join (the common case for a large initial file).
    private static Counts InsertAll(DuckDBConnection connection, DuckDBTransaction transaction, DateTime knownFrom, long runId)
    {
        var inserted = Sql.Execute(connection, transaction, $"""
            INSERT INTO observations (series_id, period, value, known_from, known_to, run_id)
            SELECT s.series_id, o.period, o.value, $1, NULL, $2
            FROM {StagingTables.Observations} o JOIN {StagingTables.Series} s USING (sidx)
            """, knownFrom, runId);
        return new Counts(inserted, 0, 0);
    }

    private static Counts Diff(DuckDBConnection connection, DuckDBTransaction transaction, DateTime knownFrom, long runId)
    {
        Sql.Execute(connection, transaction, $"""
            CREATE OR REPLACE TEMP TABLE {StagingTables.Diff} AS
            SELECT s.series_id, o.period, o.value, c.value AS old_value
            FROM {StagingTables.Observations} o JOIN {StagingTables.Series} s USING (sidx)
            LEFT JOIN observations c ON c.series_id = s.series_id AND c.period = o.period AND c.known_to IS NULL
            """);
        using var counts = Sql.Command(connection, transaction, $"""
            SELECT count(*) FILTER (WHERE old_value IS NULL), count(*) FILTER (WHERE old_value <> value), count(*) FILTER (WHERE old_value = value)
            FROM {StagingTables.Diff}
            """);
        using var reader = counts.ExecuteReader();
        reader.Read();
        var result = new Counts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        if (result.Revised > 0)
        {
            Sql.Execute(connection, transaction, $"""
                UPDATE observations SET known_to = $1
                FROM (SELECT series_id, period FROM {StagingTables.Diff} WHERE old_value <> value) d
                WHERE observations.series_id = d.series_id AND observations.period = d.period AND observations.known_to IS NULL
                """, knownFrom);
        }
        if (result.New + result.Revised > 0)
        {
            Sql.Execute(connection, transaction, $"""
                INSERT INTO observations (series_id, period, value, known_from, known_to, run_id)
                SELECT series_id, period, value, $1, NULL, $2 FROM {StagingTables.Diff} WHERE old_value IS NULL OR old_value <> value
                """, knownFrom, runId);
        }
        return result;
    }
}
