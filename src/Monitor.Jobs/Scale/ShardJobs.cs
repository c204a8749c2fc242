using Hangfire;
using Hangfire.Server;
using Hangfire.States;
using Monitor.Core.Scale;

namespace Monitor.Jobs.Scale;

/// <summary>
/// The Hangfire jobs of a sharded run. <see cref="Compute"/> runs on any worker (queue "shards") from the shared folder
/// alone; <see cref="Report"/> runs only on the store owner (queue "owner"), which merges when the last shard is done.
/// </summary>
public sealed class ShardJobs(ShardWorker worker, ShardCoordinator coordinator, IBackgroundJobClient client, TimeProvider clock)
{
    /// <summary>Tries per shard before the run fails (Hangfire retries twice after the first attempt).</summary>
    public const int Attempts = 3;

    // [Queue] applies at every enqueue, retries included: a retried shard must go back to the workers' queue, not to
    // "default", where the owner (same code version, no refusal) would take it.
    [Queue(ScaleRoles.ShardQueue)]
    [AutomaticRetry(Attempts = Attempts - 1, DelaysInSeconds = [1, 2], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [JobDisplayName("shard {3} of {0} run {1}")]
    public void Compute(string stage, long runId, string name, int shard, PerformContext? context, CancellationToken cancellationToken)
    {
        var attempt = (context?.GetJobParameter<int>("RetryCount") ?? 0) + 1;
        var started = clock.GetUtcNow().UtcDateTime;
        ShardReport report;
        try
        {
            var run = ShardRun.Load(coordinator.Root, stage, name);
            report = worker.Compute(run, shard, attempt, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && attempt >= Attempts)
        {
            report = new ShardReport(false, ShardWorker.Name, attempt, started, clock.GetUtcNow().UtcDateTime, ex.Message);
            client.Create<ShardJobs>(j => j.Report(stage, runId, name, shard, report), new EnqueuedState(ScaleRoles.OwnerQueue));
            throw;
        }
        client.Create<ShardJobs>(j => j.Report(stage, runId, name, shard, report), new EnqueuedState(ScaleRoles.OwnerQueue));
    }

    /// <summary>On the owner: records the shard and merges the run when it was the last.</summary>
    [Queue(ScaleRoles.OwnerQueue)]
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("report shard {3} of {0} run {1}")]
    public void Report(string stage, long runId, string name, int shard, ShardReport report)
    {
        coordinator.Report(ShardRun.Load(coordinator.Root, stage, name), shard, report);
    }
}

/// <summary>An owner's dispatcher: one Hangfire job per shard on the shared "shards" queue.</summary>
public sealed class HangfireShardDispatcher(IBackgroundJobClient client) : IShardDispatcher
{
    public bool Deferred => true;

    public void Dispatch(ShardRun run)
    {
        for (var shard = 0; shard < run.ShardCount; shard++)
        {
            var s = shard;
            client.Create<ShardJobs>(j => j.Compute(run.Stage, run.RunId, run.Name, s, null, CancellationToken.None), new EnqueuedState(ScaleRoles.ShardQueue));
        }
    }
}
