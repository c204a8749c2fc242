using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Configuration;
using Monitor.Core.Jobs;
using Monitor.Core.Store;

namespace Monitor.Core.Scale;

/// <summary>
/// The store owner's side of a sharded stage: prepares a run (inputs as files, one row per shard), dispatches its shards,
/// takes their reports, and merges the results into the store in one transaction when the last shard is done. A run is
/// merged at most once (its status flips running → merged inside the merge transaction), so a shard reported twice is
/// merged once. Owns scale_runs and scale_shards.
/// </summary>
public sealed class ShardCoordinator(
    MonitorStore store, IEnumerable<IShardedStage> stages, IShardDispatcher dispatcher, IEnumerable<IStageCompletion> completions,
    IOptions<ScaleOptions> options, TimeProvider clock, ILogger<ShardCoordinator> logger)
{
    /// <summary>
    /// A coordinator that runs <paramref name="stage"/> in this process with one shard (the embedded default, tools and
    /// tests). An in-memory store gets a private temporary shard folder.
    /// </summary>
    public static ShardCoordinator InProcess(MonitorStore store, IShardedStage stage, TimeProvider clock, ScaleOptions? scale = null)
    {
        scale ??= new ScaleOptions();
        var stages = new[] { stage };
        ShardCoordinator? coordinator = null;
        var dispatcher = new InProcessShardDispatcher(new ShardWorker(stages, clock), new Lazy<ShardCoordinator>(() => coordinator!), scale.LocalThreads);
        coordinator = new ShardCoordinator(store, stages, dispatcher, [], Microsoft.Extensions.Options.Options.Create(scale), clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ShardCoordinator>.Instance);
        return coordinator;
    }

    /// <summary>True when shards run on workers, so a run completes after <see cref="Run"/> returns.</summary>
    public bool Distributed => dispatcher.Deferred;

    /// <summary>Shards a new run gets: one in the embedded default, Scale:Shards for an owner with workers.</summary>
    public int ShardCount => Math.Max(1, dispatcher.Deferred ? options.Value.Shards : options.Value.LocalShards);

    public string Root => ResolveRoot(options.Value.ShardRoot, store.DatabasePath);

    /// <summary>The configured shared folder, else "shards" beside the store file (a private temporary folder for in-memory stores).</summary>
    public static string ResolveRoot(string shardRoot, string databasePath) =>
        !string.IsNullOrWhiteSpace(shardRoot) ? MonitorPaths.Resolve(shardRoot)
        : databasePath == ":memory:" ? Path.Combine(Path.GetTempPath(), "monitor-shards")
        : Path.Combine(Path.GetDirectoryName(databasePath) ?? ".", "shards");

    /// <summary>Starts a run of <paramref name="stageKey"/>; embedded, it is complete when this returns.</summary>
    public StagePreparation Run(string stageKey, CancellationToken cancellationToken)
    {
        var stage = Stage(stageKey);
        using var connection = store.Open();
        var runId = MonitorStore.NextId(connection, "scale_run_seq");
        var run = new ShardRun(stage.Key, runId, ShardRun.NewName(runId), ShardCount, Root, ShardCodeVersion.Current);
        run.WriteManifest();
        var (hasWork, summary) = stage.Prepare(run, cancellationToken);
        if (!hasWork)
        {
            Delete(run);
            return new StagePreparation(false, summary);
        }
        Sql.Execute(connection, null, "INSERT INTO scale_runs (run_id, stage, shard_count, code_version, folder, status, started_at) VALUES ($1, $2, $3, $4, $5, 'running', $6)",
            runId, stage.Key, run.ShardCount, run.CodeVersion, run.Name, Now);
        for (var shard = 0; shard < run.ShardCount; shard++)
            Sql.Execute(connection, null, "INSERT INTO scale_shards (run_id, shard, status) VALUES ($1, $2, 'queued')", runId, shard);
        if (dispatcher.Deferred) StageContinuation.Defer();
        dispatcher.Dispatch(run);
        return new StagePreparation(true, dispatcher.Deferred ? $"{summary}; sent to {run.ShardCount} shards (scale run {runId})" : Summary(runId) ?? summary);
    }

    /// <summary>A worker's report on one shard; the last successful report merges the run.</summary>
    public void Report(ShardRun run, int shard, ShardReport report)
    {
        using (var connection = store.Open())
        {
            Sql.Execute(connection, null, """
                UPDATE scale_shards SET status = $3, worker = $4, attempts = greatest(attempts, $5), started_at = $6, finished_at = $7, message = $8
                WHERE run_id = $1 AND shard = $2 AND status <> 'done'
                """, run.RunId, shard, report.Succeeded ? "done" : "failed", report.Worker, report.Attempt, report.StartedAt, report.FinishedAt, report.Message);
        }
        if (!report.Succeeded)
        {
            FailRun(run, $"shard {shard} failed after {report.Attempt} attempts on {report.Worker}: {report.Message}");
            return;
        }
        TryMerge(run, CancellationToken.None);
    }

    /// <summary>Merges runs whose shards are all complete but that were never merged (the owner stopped in between).</summary>
    public int Resume(CancellationToken cancellationToken)
    {
        var merged = 0;
        foreach (var (stage, name) in RunningRuns())
            if (TryMerge(ShardRun.Load(Root, stage, name), cancellationToken)) merged++;
        return merged;
    }

    /// <summary>Recent runs with their shards, for the Data page, the API and /health.</summary>
    public IReadOnlyList<ShardRunView> Recent(int count)
    {
        using var connection = store.Open();
        var runs = new List<ShardRunView>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT run_id, stage, shard_count, status, started_at, finished_at, message, folder, code_version FROM scale_runs ORDER BY run_id DESC LIMIT $1";
            command.Parameters.Add(new DuckDBParameter(count));
            using var r = command.ExecuteReader();
            while (r.Read())
                runs.Add(new ShardRunView(r.GetInt64(0), r.GetString(1), r.GetString(7), r.GetInt32(2), r.GetString(3), r.GetDateTime(4),
                    r.IsDBNull(5) ? null : r.GetDateTime(5), r.IsDBNull(6) ? null : r.GetString(6), []));
        }
        return runs.Select(run => run with { Shards = Shards(connection, run) }).ToList();
    }

    private List<ShardView> Shards(DuckDBConnection connection, ShardRunView run)
    {
        var shards = new List<ShardView>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT shard, status, worker, attempts, started_at, finished_at, message FROM scale_shards WHERE run_id = $1 ORDER BY shard";
        command.Parameters.Add(new DuckDBParameter(run.RunId));
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            var status = r.GetString(1);
            var worker = r.IsDBNull(2) ? null : r.GetString(2);
            if (status == "queued" && run.Status == "running" && RunningStatus(run, r.GetInt32(0)) is { } file)
            {
                status = "running";
                worker = file.GetProperty("worker").GetString();
            }
            shards.Add(new ShardView(r.GetInt32(0), status, worker, r.GetInt32(3), r.IsDBNull(4) ? null : r.GetDateTime(4), r.IsDBNull(5) ? null : r.GetDateTime(5),
                r.IsDBNull(6) ? null : r.GetString(6)));
        }
        return shards;
    }

    private System.Text.Json.JsonElement? RunningStatus(ShardRunView run, int shard)
    {
        if (!Directory.Exists(Path.Combine(Root, run.Stage, run.Folder))) return null;
        var status = ShardWorker.ReadStatus(ShardRun.Load(Root, run.Stage, run.Folder), shard);
        return status is { } s && s.GetProperty("state").GetString() == "running" ? s : null;
    }

    private bool TryMerge(ShardRun run, CancellationToken cancellationToken)
    {
        var stage = Stage(run.Stage);
        var (stageKey, runId) = (run.Stage, run.RunId);
        string summary;
        using (var connection = store.Open())
        {
            if (DoneShards(connection, run.RunId) < run.ShardCount || !Enumerable.Range(0, run.ShardCount).All(run.IsComplete)) return false;
            using var transaction = connection.BeginTransaction();
            var claimed = Sql.Execute(connection, null, "UPDATE scale_runs SET status = 'merged', finished_at = $2 WHERE run_id = $1 AND status = 'running'", runId, Now);
            if (claimed == 0) return false;
            try
            {
                summary = stage.Merge(run, connection, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                transaction.Rollback();
                FailRun(run, $"merge failed: {ex.Message}");
                throw;
            }
            Sql.Execute(connection, null, "UPDATE scale_runs SET message = $2 WHERE run_id = $1", runId, summary);
            transaction.Commit();
        }
        logger.LogInformation("scale run {RunId} of {Stage} merged: {Summary}", runId, stageKey, summary);
        stage.Merged(run);
        if (!options.Value.KeepFiles) Delete(run);
        if (dispatcher.Deferred)
            foreach (var completion in completions) completion.Completed(stageKey);
        return true;
    }

    private static long DoneShards(DuckDBConnection connection, long runId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM scale_shards WHERE run_id = $1 AND status = 'done'";
        command.Parameters.Add(new DuckDBParameter(runId));
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void FailRun(ShardRun run, string reason)
    {
        using (var connection = store.Open())
        {
            if (Sql.Execute(connection, null, "UPDATE scale_runs SET status = 'failed', finished_at = $2, message = $3 WHERE run_id = $1 AND status = 'running'", run.RunId, Now, reason) == 0) return;
        }
        logger.LogError("scale run {RunId} of {Stage} failed: {Reason}", run.RunId, run.Stage, reason);
        Stage(run.Stage).Fail(run, reason);
    }

    private List<(string Stage, string Name)> RunningRuns()
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT stage, folder FROM scale_runs WHERE status = 'running' ORDER BY run_id";
        using var r = command.ExecuteReader();
        var runs = new List<(string, string)>();
        while (r.Read()) runs.Add((r.GetString(0), r.GetString(1)));
        return runs;
    }

    private string? Summary(long runId)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(message, status) FROM scale_runs WHERE run_id = $1";
        command.Parameters.Add(new DuckDBParameter(runId));
        return command.ExecuteScalar() as string;
    }

    private IShardedStage Stage(string key) => stages.FirstOrDefault(s => s.Key == key) ?? throw new ShardException($"no sharded stage '{key}'");

    private static void Delete(ShardRun run)
    {
        if (Directory.Exists(run.Folder)) Directory.Delete(run.Folder, recursive: true);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

}

/// <summary>One sharded run as shown on the Data page and in the API.</summary>
public sealed record ShardRunView(long RunId, string Stage, string Folder, int ShardCount, string Status, DateTime StartedAt, DateTime? FinishedAt, string? Message, IReadOnlyList<ShardView> Shards);

/// <summary>One shard: queued, running (a worker left its status file), done or failed, with worker and times.</summary>
public sealed record ShardView(int Shard, string Status, string? Worker, int Attempts, DateTime? StartedAt, DateTime? FinishedAt, string? Message)
{
    public TimeSpan? Duration => StartedAt is { } s && FinishedAt is { } f ? f - s : null;
}
