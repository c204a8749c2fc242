using DuckDB.NET.Data;

namespace Monitor.Core.Scale;

/// <summary>
/// A stage whose heavy work splits into shards: the store owner prepares each shard's input as files, any machine computes
/// a shard from its files alone (no store), and the owner merges the results into the store in one transaction. The
/// embedded default runs the same three steps in one process with one shard.
/// </summary>
public interface IShardedStage
{
    /// <summary>Stage key, as in job keys ("forecast").</summary>
    string Key { get; }

    /// <summary>Owner: reads the store and writes the run's shared context and every shard's input.</summary>
    StagePreparation Prepare(ShardRun run, CancellationToken cancellationToken);

    /// <summary>Anywhere: computes one shard from its input into its output (written atomically). Must not touch the store.</summary>
    void Compute(ShardRun run, int shard, CancellationToken cancellationToken);

    /// <summary>Owner: merges every shard's output inside the open transaction of <paramref name="connection"/>; returns the run's one-line summary.</summary>
    string Merge(ShardRun run, DuckDBConnection connection, CancellationToken cancellationToken);

    /// <summary>Owner: records that the run failed (the stage's own run record), with the reason.</summary>
    void Fail(ShardRun run, string reason);

    /// <summary>Owner, after the merge committed: work that reads the merged results through the store (none by default).</summary>
    void Merged(ShardRun run)
    {
    }
}

/// <summary>What preparing a run found: whether there is work for shards, and a one-line summary.</summary>
public sealed record StagePreparation(bool HasWork, string Summary);
