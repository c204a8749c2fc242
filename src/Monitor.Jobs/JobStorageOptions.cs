namespace Monitor.Jobs;

/// <summary>Which Hangfire storage the job server uses; bound from the "JobStorage" section.</summary>
public sealed class JobStorageOptions
{
    public const string Section = "JobStorage";

    /// <summary>"sqlite" (embedded default: schedules, retries and history survive a restart), "memory", or "postgres".</summary>
    public string Kind { get; set; } = "sqlite";

    /// <summary>SQLite file for Kind = sqlite, relative to the content root.</summary>
    public string SqlitePath { get; set; } = "data/hangfire.db";

    /// <summary>Connection string for Kind = postgres (from the environment, never from the repo).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>PostgreSQL schema of Hangfire's tables (Kind = postgres).</summary>
    public string Schema { get; set; } = "hangfire";

    /// <summary>
    /// PostgreSQL: how long a fetched job stays invisible without its server's heartbeat before another server may take
    /// it, i.e. how soon the job of a killed worker is retried (the invisibility slides while the job runs).
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Default time zone of recurring schedules.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Per-job cron overrides, by job key; "off" disables a recurring job.</summary>
    public Dictionary<string, string> Schedules { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Hangfire worker count; a small number keeps DuckDB writers few.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>How often the server looks for due scheduled and recurring jobs.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether this process runs a Hangfire server (the CLI and some tests only enqueue or run inline).</summary>
    public bool RunServer { get; set; } = true;

    public string Describe() => Kind switch
    {
        "sqlite" => $"sqlite:{Monitor.Core.Configuration.MonitorPaths.Resolve(SqlitePath)}",
        "postgres" => "postgres",
        _ => Kind,
    };
}
