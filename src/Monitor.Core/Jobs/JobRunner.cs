using Microsoft.Extensions.Logging;

namespace Monitor.Core.Jobs;

/// <summary>Runs a job with its run recorded in job_runs; failures are recorded and rethrown so Hangfire retries them.</summary>
public sealed class JobRunner(IEnumerable<IMonitorJob> jobs, JobRunLog log, ILogger<JobRunner> logger)
{
    public IReadOnlyList<IMonitorJob> Jobs { get; } = jobs.ToList();

    public async Task<string> RunAsync(string jobKey, CancellationToken cancellationToken)
    {
        var job = Jobs.FirstOrDefault(j => j.Key == jobKey) ?? throw new ArgumentException($"no job with key '{jobKey}'", nameof(jobKey));
        var runId = log.Start(job.Key);
        logger.LogInformation("job {JobKey} started (run {RunId})", job.Key, runId);
        try
        {
            var message = await job.RunAsync(cancellationToken);
            log.Finish(runId, true, message);
            logger.LogInformation("job {JobKey} succeeded: {Message}", job.Key, message);
            return message;
        }
        catch (Exception ex)
        {
            log.Finish(runId, false, ex.Message);
            logger.LogError(ex, "job {JobKey} failed", job.Key);
            throw;
        }
    }
}
