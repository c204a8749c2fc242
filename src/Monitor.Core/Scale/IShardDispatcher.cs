namespace Monitor.Core.Scale;

/// <summary>Sends a prepared run's shards to be computed: in this process (embedded) or as jobs on a shared queue.</summary>
public interface IShardDispatcher
{
    /// <summary>True when the shards run later elsewhere, so the stage completes when the last one is merged.</summary>
    bool Deferred { get; }

    void Dispatch(ShardRun run);
}

/// <summary>The embedded default: computes every shard now, in this process, then reports it.</summary>
public sealed class InProcessShardDispatcher(ShardWorker worker, Lazy<ShardCoordinator> coordinator) : IShardDispatcher
{
    public bool Deferred => false;

    public void Dispatch(ShardRun run)
    {
        for (var shard = 0; shard < run.ShardCount; shard++)
        {
            var report = worker.Compute(run, shard, attempt: 1, CancellationToken.None);
            coordinator.Value.Report(run, shard, report);
        }
    }
}
