using DuckDB.NET.Data;
using Monitor.Ingest.Model;

namespace Monitor.Ingest.Vintage;

/// <summary>Checks that need the whole staged file: a key given twice, a series whose frequency differs from the store's.</summary>
internal static class StagedChecks
{
    public static void Run(DuckDBConnection connection, StagingSink sink, bool quarantine)
    {
        var before = sink.ProblemCount;
        if (!sink.PeriodsAscending) Duplicates(connection, sink);
        FrequencyConflicts(connection, sink);
        if (quarantine && sink.ProblemCount > before) Quarantine.RemoveConflicts(connection);
    }

    /// <summary>The checks that need only the staged file, not the store (for the upload preview): a key given twice.</summary>
    public static void WithinFile(DuckDBConnection connection, StagingSink sink)
    {
        if (!sink.PeriodsAscending) Duplicates(connection, sink);
    }

    /// <summary>The check that needs the store's `series` table (for the preview, a copy of its frequencies): a frequency conflict.</summary>
    public static void AgainstStore(DuckDBConnection connection, StagingSink sink) => FrequencyConflicts(connection, sink);

    private static void Duplicates(DuckDBConnection connection, StagingSink sink)
    {
        // Keys first, on the integer handle (cheap for ten million rows); the details only for the few offenders.
        using (var command = Sql.Command(connection, null, $"""
            WITH dup AS (SELECT sidx, period, known_from FROM {StagingTables.Observations} GROUP BY sidx, period, known_from HAVING count(*) > 1 LIMIT 200)
            SELECT s.series_id, o.period, min(o.line), max(o.line), count(DISTINCT o.value)
            FROM {StagingTables.Observations} o
            JOIN dup ON dup.sidx = o.sidx AND dup.period = o.period AND dup.known_from IS NOT DISTINCT FROM o.known_from
            JOIN {StagingTables.Series} s ON s.sidx = o.sidx
            GROUP BY s.series_id, o.period, o.known_from ORDER BY min(o.line)
            """))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var same = reader.GetInt64(4) == 1 ? "the same value" : "a different value";
                sink.Problem(reader.GetInt64(3), "period",
                    $"duplicate key {reader.GetString(0)} {DateOnly.FromDateTime(reader.GetDateTime(1)):yyyy-MM-dd} (first on {sink.Where(reader.GetInt64(2))}, with {same})");
            }
        }

    }

    private static void FrequencyConflicts(DuckDBConnection connection, StagingSink sink)
    {
        using (var command = Sql.Command(connection, null, $"""
            SELECT s.series_id, s.frequency, e.frequency, s.line FROM {StagingTables.Series} s JOIN series e USING (series_id)
            WHERE s.frequency <> e.frequency ORDER BY s.line LIMIT 200
            """))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                sink.Problem(reader.GetInt64(3), "frequency", $"series {reader.GetString(0)} is {reader.GetString(2)} in the store, {reader.GetString(1)} here");
        }
    }
}
