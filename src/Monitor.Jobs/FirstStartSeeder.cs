using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Jobs;
using Monitor.Core.Store;

namespace Monitor.Jobs;

/// <summary>
/// On the first start of an empty store, enqueues the configured sample sources as chained Hangfire jobs
/// (each source alone, the last one continuing into forecast and warn), so the dashboard fills without any step by hand.
/// </summary>
public sealed class FirstStartSeeder(
    MonitorStore store,
    IBackgroundJobClient client,
    IOptions<PipelineOptions> options,
    ILogger<FirstStartSeeder> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var sources = options.Value.FirstStartSources;
        if (sources.Count == 0 || StoreHasRuns()) return Task.CompletedTask;

        string? previous = null;
        for (var i = 0; i < sources.Count; i++)
        {
            var key = JobKeys.Ingest(sources[i]);
            var last = i == sources.Count - 1;
            previous = (previous, last) switch
            {
                (null, true) => client.Enqueue<JobDispatcher>(d => d.RunStage(key, CancellationToken.None)),
                (null, false) => client.Enqueue<JobDispatcher>(d => d.RunStageAlone(key, CancellationToken.None)),
                (_, true) => client.ContinueJobWith<JobDispatcher>(previous, d => d.RunStage(key, CancellationToken.None)),
                (_, false) => client.ContinueJobWith<JobDispatcher>(previous, d => d.RunStageAlone(key, CancellationToken.None)),
            };
        }
        logger.LogInformation("first start: loading {Sources}, then forecast and warn", string.Join(", ", sources));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private bool StoreHasRuns()
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM ingest_runs) OR EXISTS (SELECT 1 FROM job_runs WHERE job_key LIKE 'ingest:%')";
        return command.ExecuteScalar() is true;
    }
}
