using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Jobs;

namespace Monitor.Jobs;

/// <summary>At start-up, turns every job's declared schedule (or its configured override) into a Hangfire recurring job.</summary>
public sealed class RecurringJobRegistrar(
    IEnumerable<IMonitorJob> jobs,
    IRecurringJobManager manager,
    IOptions<JobStorageOptions> options,
    ILogger<RecurringJobRegistrar> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var job in jobs)
        {
            if (JobSchedule.For(job, options.Value) is not { } schedule)
            {
                manager.RemoveIfExists(job.Key);
                continue;
            }
            var (key, cron, zone) = schedule;
            var recurring = new RecurringJobOptions { TimeZone = zone };
            if (JobDispatcher.IsPipelineStage(key))
                manager.AddOrUpdate<JobDispatcher>(key, d => d.RunStage(key, CancellationToken.None), cron, recurring);
            else
                manager.AddOrUpdate<JobDispatcher>(key, d => d.Run(key, CancellationToken.None), cron, recurring);
            logger.LogInformation("scheduled {JobKey} ({Name}) at '{Cron}' {Zone}", key, job.Name, cron, zone.Id);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
