using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Ingest.Model;

namespace Monitor.Ingest.Vintage;

/// <summary>Keeps the rows a quarantining source rejected (file, line, field, reason), written with the run that loaded the rest.</summary>
internal static class Quarantine
{
    public static void Store(DuckDBConnection connection, DuckDBTransaction transaction, long runId, string source, IReadOnlyList<IngestProblem> problems)
    {
        foreach (var problem in problems)
        {
            Sql.Execute(connection, transaction, "INSERT INTO ingest_quarantine (run_id, source, file, line, field, reason) VALUES ($1, $2, $3, $4, $5, $6)",
                runId, source, problem.File, problem.Line, problem.Field, problem.Reason);
        }
    }

    /// <summary>Drops from the staged rows every key given twice and every series whose frequency conflicts with the store.</summary>
    public static void RemoveConflicts(DuckDBConnection connection)
    {
        Sql.Execute(connection, null, $"""
            DELETE FROM {StagingTables.Observations} WHERE (sidx, period) IN (
                SELECT sidx, period FROM {StagingTables.Observations} GROUP BY sidx, period HAVING count(*) > 1);
            DELETE FROM {StagingTables.Observations} WHERE sidx IN (
                SELECT s.sidx FROM {StagingTables.Series} s JOIN series e USING (series_id) WHERE s.frequency <> e.frequency);
            DELETE FROM {StagingTables.Series} WHERE sidx IN (
                SELECT s.sidx FROM {StagingTables.Series} s JOIN series e USING (series_id) WHERE s.frequency <> e.frequency);
            """);
    }
}
