using DuckDB.NET.Data;
using Monitor.Ingest.Model;

namespace Monitor.Ingest.Vintage;

/// <summary>Checks that need the whole staged file: a key given twice, a series whose frequency differs from the store's.</summary>
internal static class StagedChecks
{
    public static void Run(DuckDBConnection connection, StagingSink sink)
    {
        using (var command = Sql.Command(connection, null, $"""
            SELECT s.series_id, o.period, min(o.line), max(o.line), count(DISTINCT o.value)
            FROM {StagingTables.Observations} o JOIN {StagingTables.Series} s USING (sidx)
            GROUP BY s.series_id, o.period HAVING count(*) > 1 ORDER BY min(o.line) LIMIT 200
            """))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var same = reader.GetInt64(4) == 1 ? "the same value" : "a different value";
                sink.Problem(reader.GetInt64(3), "period",
                    $"duplicate key {reader.GetString(0)} {DateOnly.FromDateTime(reader.GetDateTime(1)):yyyy-MM-dd} (first on line {reader.GetInt64(2)}, with {same})");
            }
        }

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
