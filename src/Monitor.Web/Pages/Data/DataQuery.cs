using Monitor.Core.Store;
using Monitor.Web.Pages.Shared;

namespace Monitor.Web.Pages.Data;

/// <summary>The Data page: table counts, the last ingest runs with their rejected rows, and the last job runs.</summary>
public sealed class DataQuery(MonitorStore store)
{
    private static readonly string[] CountedTables =
        ["series", "observations", "forecasts", "anomalies", "signal_lights", "composite_readings", "alerts", "ingest_runs", "job_runs"];

    public IReadOnlyList<(string Table, long Rows)> Counts()
    {
        // Table names come from the fixed list above, never from the request.
        var sql = string.Join(" UNION ALL ", CountedTables.Select((t, i) => $"SELECT {i} AS i, count(*) FROM {t}"));
        return Sql.Rows(store, sql + " ORDER BY i", r => (CountedTables[r.GetInt32(0)], r.Count(1)));
    }

    public IReadOnlyList<IngestRunRow> IngestRuns(int count = 20) => Sql.Rows(store, """
        SELECT run_id, source, location, started_at, finished_at, status, rows_read, rows_new, rows_revised, rows_unchanged, rows_rejected, error_report
        FROM ingest_runs ORDER BY started_at DESC LIMIT $1
        """, r => new IngestRunRow(r.GetInt64(0), r.GetString(1), r.Text(2), r.GetDateTime(3), r.Time(4), r.GetString(5), r.Count(6), r.Count(7),
            r.Count(8), r.Count(9), r.Count(10), r.Text(11)), count);

    public IReadOnlyList<JobRunRow> JobRuns(int count = 20) => Sql.Rows(store, """
        SELECT job_key, started_at, finished_at, status, message FROM job_runs ORDER BY started_at DESC LIMIT $1
        """, r => new JobRunRow(r.GetString(0), r.GetDateTime(1), r.Time(2), r.GetString(3), r.Text(4)), count);
}

/// <summary>One ingest run with its row counts and error report.</summary>
public sealed record IngestRunRow(long RunId, string Source, string? Location, DateTime StartedAt, DateTime? FinishedAt, string Status,
    long RowsRead, long RowsNew, long RowsRevised, long RowsUnchanged, long RowsRejected, string? ErrorReport)
{
    /// <summary>The first few problems of the run's error report (file:line: field: reason).</summary>
    public IEnumerable<string> FirstProblems(int count = 5) =>
        (ErrorReport ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(count);
}

/// <summary>One job run from job_runs.</summary>
public sealed record JobRunRow(string JobKey, DateTime StartedAt, DateTime? FinishedAt, string Status, string? Message);
