namespace Monitor.Core.Jobs;

/// <summary>
/// Lets a job say that its stage finishes later, elsewhere (a sharded run completes when its last shard is merged), so the
/// dispatcher does not chain the next stage now; the merge chains it instead. A mutable holder in an AsyncLocal, because
/// a flag set inside an async callee does not flow back to its caller.
/// </summary>
public static class StageContinuation
{
    private static readonly AsyncLocal<Holder?> Current = new();

    /// <summary>Called by the dispatcher before running a job; the returned holder tells whether the job deferred.</summary>
    public static Holder Begin() => Current.Value = new Holder();

    /// <summary>Called by a job whose stage completes later.</summary>
    public static void Defer()
    {
        if (Current.Value is { } holder) holder.Deferred = true;
    }

    /// <summary>Whether the job deferred its completion.</summary>
    public sealed class Holder
    {
        public bool Deferred { get; internal set; }
    }
}

/// <summary>What happens when a deferred stage completes (the Hangfire host chains the next stage).</summary>
public interface IStageCompletion
{
    void Completed(string stageKey);
}
