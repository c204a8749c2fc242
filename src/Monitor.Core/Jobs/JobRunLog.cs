using DuckDB.NET.Data;
using Monitor.Core.Store;

namespace Monitor.Core.Jobs;

/// <summary>Records each job run (start, end, status, message) in job_runs, so /health and the dashboard can report it.</summary>
public sealed class JobRunLog(MonitorStore store, TimeProvider clock)
{
    public const string Interrupted = "interrupted";

    public long Start(string jobKey)
    {
        using var connection = store.Open();
        var id = MonitorStore.NextId(connection, "job_run_seq");
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO job_runs (job_run_id, job_key, started_at, status) VALUES ($1, $2, $3, 'running')";
        command.Parameters.Add(new DuckDBParameter(id));
        command.Parameters.Add(new DuckDBParameter(jobKey));
        command.Parameters.Add(new DuckDBParameter(clock.GetUtcNow().UtcDateTime));
        command.ExecuteNonQuery();
        return id;
    }

    public void Finish(long jobRunId, bool succeeded, string message)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE job_runs SET finished_at = $2, status = $3, message = $4 WHERE job_run_id = $1";
        command.Parameters.Add(new DuckDBParameter(jobRunId));
        command.Parameters.Add(new DuckDBParameter(clock.GetUtcNow().UtcDateTime));
        command.Parameters.Add(new DuckDBParameter(succeeded ? "succeeded" : "failed"));
        command.Parameters.Add(new DuckDBParameter(message.Length > 4000 ? message[..4000] : message));
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Marks every run still "running" as interrupted and returns their job keys. Only one process can own the store,
    /// so at start-up such runs belong to a process that ended without finishing them.
    /// </summary>
    public IReadOnlyList<string> MarkRunningAsInterrupted()
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE job_runs SET status = 'interrupted', finished_at = $1, message = 'the process ended before the run finished'
            WHERE status = 'running' RETURNING job_key
            """;
        command.Parameters.Add(new DuckDBParameter(clock.GetUtcNow().UtcDateTime));
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read()) keys.Add(reader.GetString(0));
        return keys.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Interrupted runs of jobs that have not succeeded since (what /health reports until the job has run again).</summary>
    public IReadOnlyList<JobRun> InterruptedNotRerun() => Runs("""
        SELECT job_key, started_at, finished_at, message, status FROM job_runs r
        WHERE status = 'interrupted'
          AND NOT EXISTS (SELECT 1 FROM job_runs s WHERE s.job_key = r.job_key AND s.status = 'succeeded' AND s.started_at > r.started_at)
        ORDER BY started_at
        """);

    /// <summary>The latest finished run (succeeded, failed or interrupted) of each job.</summary>
    public IReadOnlyList<JobRun> LatestFinishedPerJob() => Runs("""
        SELECT job_key, started_at, finished_at, message, status FROM job_runs
        WHERE status <> 'running'
        QUALIFY row_number() OVER (PARTITION BY job_key ORDER BY started_at DESC, job_run_id DESC) = 1
        ORDER BY job_key
        """);

    /// <summary>The last successful run of a job (or of any job when <paramref name="jobKey"/> is null).</summary>
    public JobRun? LastSucceeded(string? jobKey = null) => LastSucceededWhere("($1 = '' OR job_key = $1)", jobKey ?? "");

    /// <summary>The last successful pipeline stage (an ingest, forecast or warn), leaving out jobs such as e-mail digests.</summary>
    public JobRun? LastSucceededStage() =>
        LastSucceededWhere("(starts_with(job_key, $1) OR job_key IN ($2, $3))", JobKeys.IngestPrefix, JobKeys.Forecast, JobKeys.Warn);

    private JobRun? LastSucceededWhere(string condition, params string[] parameters) => Runs($"""
        SELECT job_key, started_at, finished_at, message, status FROM job_runs
        WHERE status = 'succeeded' AND {condition}
        ORDER BY finished_at DESC LIMIT 1
        """, parameters).SingleOrDefault();

    private List<JobRun> Runs(string sql, params string[] parameters) =>
        Sql.Rows(store, sql, reader => new JobRun(reader.GetString(0), reader.GetDateTime(1), reader.GetDateTime(2), reader.IsDBNull(3) ? "" : reader.GetString(3), reader.GetString(4)), parameters);
}

/// <summary>A finished job run as shown on /health and the Data page.</summary>
public sealed record JobRun(string JobKey, DateTime StartedAt, DateTime FinishedAt, string Message, string Status = "succeeded")
{
    public bool Succeeded => Status == "succeeded";
}
