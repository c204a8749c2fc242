using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitor.Core.Jobs;
using Monitor.Testing;

namespace Monitor.Jobs.Tests;

[TestClass]
public sealed class PipelineChainTests
{
    [TestMethod]
    public void StagesFollowIngestThenForecastThenWarn()
    {
        Assert.AreEqual(JobKeys.Forecast, JobKeys.NextStage("ingest:samples"));
        Assert.AreEqual(JobKeys.Nowcast, JobKeys.NextStage(JobKeys.Forecast));
        Assert.AreEqual(JobKeys.Warn, JobKeys.NextStage(JobKeys.Nowcast));
        Assert.IsNull(JobKeys.NextStage(JobKeys.Warn));
        Assert.IsNull(JobKeys.NextStage(JobKeys.EmailDigest));
    }

    [TestMethod]
    public async Task FirstStartLoadsEverySourceThenForecastsAndWarnsOnceEach()
    {
        using var test = TestStore.InMemory();
        var journal = new List<string>();
        var jobs = new IMonitorJob[]
        {
            new RecordingJob("ingest:samples", journal), new RecordingJob("ingest:samples-revision", journal),
            new RecordingJob(JobKeys.Forecast, journal), new RecordingJob(JobKeys.Nowcast, journal), new RecordingJob(JobKeys.Warn, journal),
        };
        var runner = new JobRunner(jobs, new JobRunLog(test.Store, TimeProvider.System), NullLogger<JobRunner>.Instance);
        using var storage = new InMemoryStorage();
        var client = new BackgroundJobClient(storage);
        var activator = new DispatcherActivator(runner, client);

        var seeder = new FirstStartSeeder(test.Store, client, Options.Create(new PipelineOptions { FirstStartSources = ["samples", "samples-revision"] }), NullLogger<FirstStartSeeder>.Instance);
        await seeder.StartAsync(CancellationToken.None);
        using (new BackgroundJobServer(new BackgroundJobServerOptions { Activator = activator, WorkerCount = 1, SchedulePollingInterval = TimeSpan.FromMilliseconds(200) }, storage))
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline && !journal.Contains(JobKeys.Warn)) await Task.Delay(100);
        }

        CollectionAssert.AreEqual(new[] { "ingest:samples", "ingest:samples-revision", JobKeys.Forecast, JobKeys.Nowcast, JobKeys.Warn }, journal.ToArray());
        Assert.AreEqual(JobKeys.Warn, new JobRunLog(test.Store, TimeProvider.System).LastSucceeded()!.JobKey);

        // A second start on a store that already has runs enqueues nothing.
        await seeder.StartAsync(CancellationToken.None);
        Assert.AreEqual(0L, storage.GetMonitoringApi().EnqueuedCount("default"));
    }

    private sealed class RecordingJob(string key, List<string> journal) : IMonitorJob
    {
        public string Key => key;
        public string Name => key;
        public string? DefaultCron => null;

        public Task<string> RunAsync(CancellationToken cancellationToken)
        {
            lock (journal) journal.Add(key);
            return Task.FromResult("ok");
        }
    }

    private sealed class DispatcherActivator(JobRunner runner, IBackgroundJobClient client) : JobActivator
    {
        public override object ActivateJob(Type jobType) => jobType == typeof(JobDispatcher) ? new JobDispatcher(runner, client) : base.ActivateJob(jobType);
    }
}
