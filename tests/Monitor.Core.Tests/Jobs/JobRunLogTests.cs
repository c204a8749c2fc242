using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Core.Jobs;
using Monitor.Testing;

namespace Monitor.Core.Tests.Jobs;

[TestClass]
public sealed class JobRunLogTests
{
    [TestMethod]
    public async Task FailedRunsAreRecordedAndTheLastStageIgnoresDigests()
    {
        using var test = TestStore.InMemory();
        var log = new JobRunLog(test.Store, TimeProvider.System);
        var runner = new JobRunner([new Job("ingest:a", null), new Job(JobKeys.Forecast, null), new Job(JobKeys.EmailDigest, null), new Job(JobKeys.Warn, "boom")],
            log, NullLogger<JobRunner>.Instance);

        await runner.RunAsync("ingest:a", CancellationToken.None);
        await runner.RunAsync(JobKeys.Forecast, CancellationToken.None);
        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => runner.RunAsync(JobKeys.Warn, CancellationToken.None));
        await runner.RunAsync(JobKeys.EmailDigest, CancellationToken.None);

        Assert.AreEqual(JobKeys.Forecast, log.LastSucceededStage()!.JobKey, "a failed warn and a later digest do not count as the pipeline's last success");
        Assert.AreEqual(JobKeys.EmailDigest, log.LastSucceeded()!.JobKey);
        Assert.AreEqual("done ingest:a", log.LastSucceeded("ingest:a")!.Message);
    }

    private sealed class Job(string key, string? failure) : IMonitorJob
    {
        public string Key => key;
        public string Name => key;
        public string? DefaultCron => null;

        public Task<string> RunAsync(CancellationToken cancellationToken) =>
            failure is null ? Task.FromResult("done " + key) : throw new InvalidOperationException(failure);
    }
}
