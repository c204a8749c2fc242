using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Core.Jobs;

namespace Monitor.Jobs;

/// <summary>
/// Runs at start-up, before this host's Hangfire server takes work. Only one process can own the store, so whatever was
/// "running" then belongs to a process that ended without finishing (a crash, kill -9): its job_runs rows become
/// "interrupted", the Hangfire jobs it was performing go back to the queue at once (instead of after the storage's
/// invisibility timeout), and an interrupted job whose Hangfire job is gone (in-memory job storage) is enqueued afresh.
/// </summary>
public sealed class InterruptedRunRecovery(
    JobRunLog runs,
    JobRunner runner,
    JobStorage storage,
    IBackgroundJobClient client,
    ILogger<InterruptedRunRecovery> logger) : IHostedService
{
    private const int MaxRequeued = 1000;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var interrupted = runs.MarkRunningAsInterrupted();
        var requeued = RequeueProcessingJobs();
        if (StageLocks.ReleaseLeftovers(storage) is > 0 and var released)
            logger.LogWarning("released {Count} pipeline-stage lock(s) left by an ended process", released);
        foreach (var key in interrupted.Except(requeued).Where(k => runner.Jobs.Any(j => j.Key == k)))
        {
            JobDispatcher.EnqueueNow(client, key);
            logger.LogWarning("job {JobKey} was interrupted when the process ended; it runs again now", key);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Puts every job still marked "processing" (by a server that no longer runs) back in its queue; returns their job keys.</summary>
    private HashSet<string> RequeueProcessingJobs()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, job) in storage.GetMonitoringApi().ProcessingJobs(0, MaxRequeued))
        {
            var state = new EnqueuedState { Reason = "requeued at start-up: the server performing it had ended" };
            if (!client.ChangeState(id, state, ProcessingState.StateName)) continue;
            var key = job.Job?.Args.OfType<string>().FirstOrDefault();
            if (key is not null) keys.Add(key);
            logger.LogWarning("Hangfire job {JobId} ({JobKey}) was left processing by an ended server; requeued", id, key);
        }
        return keys;
    }
}
