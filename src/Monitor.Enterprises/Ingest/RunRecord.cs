using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Enterprises.Store;

namespace Monitor.Enterprises.Ingest;

/// <summary>Writes a panel load's row in the shared ingest_runs table (source "enterprise:…"), with its problems.</summary>
internal sealed class RunRecord(DuckDBConnection connection, long runId, string source, string location, DateTime startedAt)
{
    private const int ReportedProblems = 50;

    /// <summary>Says where a problem is in the file the user gave (a workbook's cells); the problem as found by default.</summary>
    public Func<PanelProblem, PanelProblem> Place { get; set; } = problem => problem;

    public PanelLoadResult Failed(List<PanelProblem> problems, long rowsRead, DateTime finishedAt)
    {
        var result = new PanelLoadResult(runId, source, "failed", rowsRead, 0, 0, 0, 0, problems.Select(Place).ToList());
        Write(result, finishedAt);
        return result;
    }

    public void Write(PanelLoadResult result, DateTime finishedAt) =>
        Sql.Execute(connection, null, """
            INSERT INTO ingest_runs (run_id, source, location, started_at, finished_at, rows_read, rows_new, rows_revised,
                                     rows_unchanged, rows_rejected, status, error_report)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            """,
            runId, source, location, startedAt, finishedAt, result.RowsRead, result.RowsNew, result.RowsRevised, result.RowsUnchanged,
            result.Succeeded ? 0 : Math.Max(1, result.Problems.Count), result.Status,
            result.Problems.Count == 0 ? null : string.Join('\n', result.Problems.Take(ReportedProblems)));
}
