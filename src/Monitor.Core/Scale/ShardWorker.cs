using System.Diagnostics;
using System.Text.Json;

namespace Monitor.Core.Scale;

/// <summary>What a worker says about one shard when it is done or has given up.</summary>
public sealed record ShardReport(bool Succeeded, string Worker, int Attempt, DateTime StartedAt, DateTime FinishedAt, string? Message);

/// <summary>
/// Computes one shard anywhere: checks the code version against the run's manifest, leaves a status file beside the
/// shard (so the owner can show who is working on it), runs the stage's computation, and says how it went.
/// </summary>
public sealed class ShardWorker(IEnumerable<IShardedStage> stages, TimeProvider clock)
{
    /// <summary>This process as a worker name: host and process id.</summary>
    public static string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    public ShardReport Compute(ShardRun run, int shard, int attempt, CancellationToken cancellationToken)
    {
        if (run.CodeVersion != ShardCodeVersion.Current)
            throw new ShardException($"worker {Name} runs code version {ShardCodeVersion.Current} but {run.Stage} run {run.RunId} was prepared by {run.CodeVersion}: upgrade the worker (it refuses the shard)");
        var stage = stages.FirstOrDefault(s => s.Key == run.Stage) ?? throw new ShardException($"worker {Name} has no sharded stage '{run.Stage}'");
        var started = clock.GetUtcNow().UtcDateTime;
        WriteStatus(run, shard, new { worker = Name, attempt, started_at = started, state = "running" });
        var watch = Stopwatch.StartNew();
        if (!run.IsComplete(shard)) stage.Compute(run, shard, cancellationToken);
        var finished = started + watch.Elapsed;
        WriteStatus(run, shard, new { worker = Name, attempt, started_at = started, finished_at = finished, state = "done" });
        return new ShardReport(true, Name, attempt, started, finished, null);
    }

    /// <summary>The status a worker left beside a shard (state "running" or "done"), or null.</summary>
    public static JsonElement? ReadStatus(ShardRun run, int shard)
    {
        try
        {
            return File.Exists(run.StatusFile(shard)) ? JsonDocument.Parse(File.ReadAllText(run.StatusFile(shard))).RootElement.Clone() : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null;
        }
    }

    private static void WriteStatus(ShardRun run, int shard, object status) =>
        ShardRun.WriteAtomically(run.StatusFile(shard), p => File.WriteAllText(p, JsonSerializer.Serialize(status)));
}
