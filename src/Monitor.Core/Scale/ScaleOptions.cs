namespace Monitor.Core.Scale;

/// <summary>How heavy stages are split and where shard files live (configuration section "Scale").</summary>
public sealed class ScaleOptions
{
    public const string Section = "Scale";

    /// <summary>"embedded" (one process, shards run in-process), "owner" (owns the store, enqueues shard jobs), or "worker".</summary>
    public string Role { get; set; } = ScaleRoles.Embedded;

    /// <summary>The folder every machine mounts (e.g. NFS) for shard inputs and results; empty: "shards" beside the store file.</summary>
    public string ShardRoot { get; set; } = "";

    /// <summary>Shards per run for owners; the embedded default always uses one.</summary>
    public int Shards { get; set; } = 8;

    /// <summary>Shards of an embedded run, computed one after another in-process: 1, or more to check that splitting changes nothing.</summary>
    public int LocalShards { get; set; } = 1;

    /// <summary>Threads computing an embedded run's shards at once (1: one after another); the results do not depend on it.</summary>
    public int LocalThreads { get; set; } = 1;

    /// <summary>Series a sharded stage learns its cross-series settings on (selection, calibration, global models).</summary>
    public int PlanSample { get; set; } = 5000;

    /// <summary>Keep the files of succeeded runs (for inspection); failed runs are always kept.</summary>
    public bool KeepFiles { get; set; }

    public bool Distributed => Role is ScaleRoles.Owner;
}

/// <summary>The roles a process can take in a scaled-out deployment.</summary>
public static class ScaleRoles
{
    public const string Embedded = "embedded";
    public const string Owner = "owner";
    public const string Worker = "worker";

    /// <summary>Whether the command line or the environment (Scale__Role) asks for a worker, before any host is built.</summary>
    public static bool IsWorker(IEnumerable<string> args) =>
        args.Any(a => a.Equals("--Scale:Role=worker", StringComparison.OrdinalIgnoreCase))
        || string.Equals(Environment.GetEnvironmentVariable("Scale__Role"), Worker, StringComparison.OrdinalIgnoreCase);

    /// <summary>Hangfire queue of shard jobs (workers, and the owner if it also computes).</summary>
    public const string ShardQueue = "shards";

    /// <summary>Hangfire queue only the store owner listens on: shard reports and merges.</summary>
    public const string OwnerQueue = "owner";
}
