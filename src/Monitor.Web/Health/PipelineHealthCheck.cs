using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Monitor.Core.Jobs;
using Monitor.Jobs;

namespace Monitor.Web.Health;

/// <summary>
/// Degraded when a pipeline stage's latest run failed, when a run was interrupted (process ended) and has not run again,
/// or when a scheduled stage has not succeeded within <see cref="HealthOptions.RunTolerance"/> of the time it was due.
/// </summary>
public sealed class PipelineHealthCheck(
    JobRunLog runs,
    IEnumerable<IMonitorJob> jobs,
    IOptions<JobStorageOptions> jobOptions,
    IOptions<HealthOptions> healthOptions,
    TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object?>
        {
            ["lastSuccessfulRun"] = Describe(runs.LastSucceededStage()),
            ["lastEmailDigest"] = Describe(runs.LastSucceeded(JobKeys.EmailDigest)),
        };
        var problems = Interrupted().Concat(Failed()).Concat(Late()).ToList();
        var result = problems.Count == 0
            ? HealthCheckResult.Healthy("the pipeline's last runs succeeded on time", data!)
            : new HealthCheckResult(context.Registration.FailureStatus, string.Join("; ", problems), null, data!);
        return Task.FromResult(result);
    }

    private IEnumerable<string> Interrupted() =>
        runs.InterruptedNotRerun().Select(r => $"{r.JobKey} run started {Stamp(r.StartedAt)} was interrupted (the process ended) and has not run again yet");

    private IEnumerable<string> Failed() =>
        runs.LatestFinishedPerJob()
            .Where(r => r.Status == "failed" && (JobDispatcher.IsPipelineStage(r.JobKey) || r.JobKey == JobKeys.EmailDigest))
            .Select(r => $"{r.JobKey} failed at {Stamp(r.FinishedAt)}: {r.Message.Split('\n', 2)[0]}");

    private IEnumerable<string> Late()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tolerance = healthOptions.Value.RunTolerance;
        foreach (var job in jobs.Where(j => JobDispatcher.IsPipelineStage(j.Key)))
        {
            if (JobSchedule.For(job, jobOptions.Value) is not { } schedule) continue;
            // A stage that never succeeded is judged by its failures, not its age (a first start is still loading).
            if (runs.LastSucceeded(job.Key) is not { } last) continue;
            if (schedule.NextAfter(last.StartedAt) is { } due && due + tolerance < now)
                yield return $"{job.Key} last succeeded {Stamp(last.FinishedAt)}; the run due {Stamp(due)} has not succeeded within {tolerance:g}";
        }
    }

    private static object? Describe(JobRun? run) =>
        run is null ? null : new { job = run.JobKey, finishedAt = DateTime.SpecifyKind(run.FinishedAt, DateTimeKind.Utc), message = run.Message };

    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
