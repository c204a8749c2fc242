using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Ingest.Model;

namespace Monitor.Ingest.Vintage;

/// <summary>Reads and writes ingest_runs: one row per run, written with the data it describes (or alone when the run failed).</summary>
internal static class IngestRunLog
{
    private const int ReportedProblems = 50;

    /// <summary>The file hash of the source's last run that loaded or skipped data.</summary>
    public static string? LastHash(DuckDBConnection connection, string source) =>
        Sql.Scalar(connection, null, """
            SELECT file_hash FROM ingest_runs WHERE source = $1 AND status IN ('succeeded', 'skipped')
            ORDER BY run_id DESC LIMIT 1
            """, source) as string;

    public static void Record(DuckDBConnection connection, DuckDBTransaction? transaction, IngestResult result, string location, string? hash, DateTime startedAt, DateTime finishedAt, long problemCount)
    {
        Sql.Execute(connection, transaction, """
            INSERT INTO ingest_runs (run_id, source, location, file_hash, started_at, finished_at, rows_read, rows_new, rows_revised,
                                     rows_unchanged, rows_rejected, status, error_report)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            """,
            result.RunId, result.Source, location, hash, startedAt, finishedAt, result.RowsRead, result.RowsNew, result.RowsRevised,
            result.RowsUnchanged, result.RowsRejected, result.Status, Report(result.Problems, problemCount));
    }

    private static string? Report(IReadOnlyList<IngestProblem> problems, long total)
    {
        if (problems.Count == 0) return null;
        var lines = problems.Take(ReportedProblems).Select(p => p.ToString()).ToList();
        if (total > lines.Count) lines.Add($"… and {total - lines.Count} more");
        return string.Join('\n', lines);
    }
}
