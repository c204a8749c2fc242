namespace Monitor.Core.Jobs;

/// <summary>
/// A pipeline job in the style of Jellyfin's scheduled tasks: it declares its key, name and default schedule,
/// reads its inputs from the store and writes its results back, so any Hangfire server can run it.
/// </summary>
public interface IMonitorJob
{
    /// <summary>Stable key: the Hangfire recurring-job id and the job_runs.job_key.</summary>
    string Key { get; }

    /// <summary>Human-readable name shown on the dashboard.</summary>
    string Name { get; }

    /// <summary>Default cron (5 or 6 fields), or null for a job that only runs when triggered or chained.</summary>
    string? DefaultCron { get; }

    /// <summary>Does the work; returns a one-line summary stored in job_runs.message.</summary>
    Task<string> RunAsync(CancellationToken cancellationToken);
}
