using Hangfire;
using Monitor.Core.Jobs;

namespace Monitor.Jobs;

/// <summary>What Hangfire invokes: runs one job by key and, for pipeline stages, enqueues the next stage as its own job.</summary>
public sealed class JobDispatcher(JobRunner runner, IBackgroundJobClient client)
{
    /// <summary>Pipeline stages write to the store, so they never run at the same time on any server.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("{0}")]
    public async Task RunStage(string jobKey, CancellationToken cancellationToken)
    {
        var continuation = StageContinuation.Begin();
        await runner.RunAsync(jobKey, cancellationToken);
        if (!continuation.Deferred && JobKeys.NextStage(jobKey) is { } next)
            client.Enqueue<JobDispatcher>(d => d.RunStage(next, CancellationToken.None));
    }

    /// <summary>Runs one pipeline stage without enqueuing the next (used to load several sources before one forecast).</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("{0} (alone)")]
    public Task RunStageAlone(string jobKey, CancellationToken cancellationToken) => runner.RunAsync(jobKey, cancellationToken);

    /// <summary>Jobs outside the pipeline (e-mail digests) that guard their own idempotency.</summary>
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("{0}")]
    public Task Run(string jobKey, CancellationToken cancellationToken) => runner.RunAsync(jobKey, cancellationToken);

    /// <summary>Enqueues one run of <paramref name="jobKey"/> now: a pipeline stage continues into the next, other jobs run alone.</summary>
    public static string EnqueueNow(IBackgroundJobClient client, string jobKey) =>
        IsPipelineStage(jobKey)
            ? client.Enqueue<JobDispatcher>(d => d.RunStage(jobKey, CancellationToken.None))
            : client.Enqueue<JobDispatcher>(d => d.Run(jobKey, CancellationToken.None));

    public static bool IsPipelineStage(string jobKey) =>
        jobKey.StartsWith(JobKeys.IngestPrefix, StringComparison.Ordinal) || jobKey is JobKeys.Forecast or JobKeys.Nowcast or JobKeys.Warn;
}
