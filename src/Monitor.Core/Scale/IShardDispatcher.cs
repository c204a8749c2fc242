namespace Monitor.Core.Scale;

/// <summary>Sends a prepared run's shards to be computed: in this process (embedded) or as jobs on a shared queue.</summary>
public interface IShardDispatcher
{
    /// <summary>True when the shards run later elsewhere, so the stage completes when the last one is merged.</summary>
    bool Deferred { get; }

    void Dispatch(ShardRun run);
}

/// <summary>
/// The embedded default: computes every shard now, in this process, on up to <paramref name="threads"/> threads, then
/// reports them in shard order (one thread at a time, so the last report merges once and the store sees one writer).
/// </summary>
public sealed class InProcessShardDispatcher(ShardWorker worker, Lazy<ShardCoordinator> coordinator, int threads = 1) : IShardDispatcher
{
    public bool Deferred => false;

    public void Dispatch(ShardRun run)
    {
        var reports = new ShardReport[run.ShardCount];
        try
        {
            Parallel.For(0, run.ShardCount, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
                shard => reports[shard] = worker.Compute(run, shard, attempt: 1, CancellationToken.None));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // callers catch the stage's own exceptions, as when shards ran one after another
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
        for (var shard = 0; shard < run.ShardCount; shard++) coordinator.Value.Report(run, shard, reports[shard]);
    }
}
