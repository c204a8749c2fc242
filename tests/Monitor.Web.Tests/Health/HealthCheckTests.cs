using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Jobs;
using Monitor.Core.Store;
using Monitor.Jobs;
using Monitor.Testing;
using Monitor.Web.Health;

namespace Monitor.Web.Tests.Health;

/// <summary>Each readiness check, with its dependency broken on purpose.</summary>
[TestClass]
public sealed class HealthCheckTests
{
    private static readonly DateTime Noon = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    [TestMethod]
    public async Task The_store_check_passes_on_a_working_store()
    {
        using var test = TestStore.OnDisk();

        var result = await Check(new StoreHealthCheck(test.Store), HealthStatus.Unhealthy);

        Assert.AreEqual(HealthStatus.Healthy, result.Status);
        Assert.AreEqual(test.Store.DatabasePath, result.Data["database"]);
    }

    [TestMethod]
    public async Task An_unreadable_store_is_unhealthy_and_named()
    {
        var folder = TempFolder.Create();
        try
        {
            var path = Path.Combine(folder, "monitor.duckdb");
            await File.WriteAllTextAsync(path, "not a duckdb file: somebody copied a note over the store");
            using var store = new MonitorStore(new StoreOptions { Path = path, MemoryLimit = "256MB" });

            var result = await Check(new StoreHealthCheck(store), HealthStatus.Unhealthy);

            Assert.AreEqual(HealthStatus.Unhealthy, result.Status);
            StringAssert.Contains(result.Description, path);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [TestMethod]
    public async Task A_job_storage_that_does_not_answer_is_unhealthy()
    {
        var result = await Check(new JobStorageHealthCheck(new DownStorage(), Options.Create(new JobStorageOptions { Kind = "postgres" })), HealthStatus.Unhealthy);

        Assert.AreEqual(HealthStatus.Unhealthy, result.Status);
        StringAssert.Contains(result.Description, "connection refused");
    }

    [TestMethod]
    public async Task The_pipeline_is_healthy_when_its_last_runs_succeeded_on_time()
    {
        using var test = TestStore.InMemory();
        AddRun(test.Store, 1, "ingest:daily", Noon.AddHours(-6), "succeeded");
        AddRun(test.Store, 2, JobKeys.Forecast, Noon.AddHours(-5.9), "succeeded");

        var result = await Check(Pipeline(test.Store), HealthStatus.Degraded);

        Assert.AreEqual(HealthStatus.Healthy, result.Status, result.Description);
    }

    [TestMethod]
    public async Task A_failed_last_run_makes_the_pipeline_degraded()
    {
        using var test = TestStore.InMemory();
        AddRun(test.Store, 1, "ingest:daily", Noon.AddHours(-6), "succeeded");
        AddRun(test.Store, 2, JobKeys.Forecast, Noon.AddHours(-5.9), "failed", "out of memory");

        var result = await Check(Pipeline(test.Store), HealthStatus.Degraded);

        Assert.AreEqual(HealthStatus.Degraded, result.Status);
        StringAssert.Contains(result.Description, "forecast failed");
        StringAssert.Contains(result.Description, "out of memory");
    }

    [TestMethod]
    public async Task A_later_success_clears_a_failure()
    {
        using var test = TestStore.InMemory();
        AddRun(test.Store, 1, JobKeys.Forecast, Noon.AddHours(-6), "failed", "out of memory");
        AddRun(test.Store, 2, JobKeys.Forecast, Noon.AddHours(-5), "succeeded");

        var result = await Check(Pipeline(test.Store), HealthStatus.Degraded);

        Assert.AreEqual(HealthStatus.Healthy, result.Status, result.Description);
    }

    [TestMethod]
    public async Task A_scheduled_stage_past_its_due_time_and_tolerance_is_degraded()
    {
        using var test = TestStore.InMemory();
        // Due daily at 06:00 UTC; the last success was the day before yesterday, so today's 06:00 run is missing... as is yesterday's.
        AddRun(test.Store, 1, "ingest:daily", Noon.AddDays(-2).AddHours(-6), "succeeded");

        var late = await Check(Pipeline(test.Store), HealthStatus.Degraded);
        var withinTolerance = await Check(Pipeline(test.Store, now: Noon.AddDays(-1).AddHours(-5)), HealthStatus.Degraded);

        Assert.AreEqual(HealthStatus.Degraded, late.Status);
        StringAssert.Contains(late.Description, "ingest:daily last succeeded");
        Assert.AreEqual(HealthStatus.Healthy, withinTolerance.Status, "07:00 the next day: the 06:00 run is due less than two hours ago");
    }

    [TestMethod]
    public async Task An_interrupted_run_is_reported_until_the_job_has_run_again()
    {
        using var test = TestStore.InMemory();
        AddRun(test.Store, 1, JobKeys.Forecast, Noon.AddHours(-1), "running");
        var log = new JobRunLog(test.Store, new FakeTimeProvider(Noon));

        CollectionAssert.AreEqual(new[] { JobKeys.Forecast }, log.MarkRunningAsInterrupted().ToArray());
        var interrupted = await Check(Pipeline(test.Store), HealthStatus.Degraded);
        AddRun(test.Store, 2, JobKeys.Forecast, Noon.AddMinutes(1), "succeeded");
        var rerun = await Check(Pipeline(test.Store, now: Noon.AddMinutes(5)), HealthStatus.Degraded);

        Assert.AreEqual(HealthStatus.Degraded, interrupted.Status);
        StringAssert.Contains(interrupted.Description, "forecast run started");
        StringAssert.Contains(interrupted.Description, "interrupted");
        Assert.AreEqual(HealthStatus.Healthy, rerun.Status, rerun.Description);
    }

    private static PipelineHealthCheck Pipeline(MonitorStore store, DateTime? now = null)
    {
        var clock = new FakeTimeProvider(now ?? Noon);
        IMonitorJob[] jobs = [new ScheduledJob("ingest:daily", "0 6 * * *"), new ScheduledJob(JobKeys.Forecast, null)];
        return new PipelineHealthCheck(new JobRunLog(store, clock), jobs, Options.Create(new JobStorageOptions { TimeZone = "UTC" }),
            Options.Create(new HealthOptions { RunTolerance = TimeSpan.FromHours(2) }), clock);
    }

    private static void AddRun(MonitorStore store, int id, string key, DateTime startedAt, string status, string message = "ok")
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        var finished = status == "running" ? "NULL" : $"TIMESTAMP '{startedAt.AddMinutes(2):yyyy-MM-dd HH:mm:ss}'";
        command.CommandText = $"INSERT INTO job_runs VALUES ({id}, '{key}', TIMESTAMP '{startedAt:yyyy-MM-dd HH:mm:ss}', {finished}, '{status}', '{message}')";
        command.ExecuteNonQuery();
    }

    private static Task<HealthCheckResult> Check(IHealthCheck check, HealthStatus failureStatus) =>
        check.CheckHealthAsync(new HealthCheckContext { Registration = new HealthCheckRegistration("test", check, failureStatus, null) });

    private sealed class ScheduledJob(string key, string? cron) : IMonitorJob
    {
        public string Key => key;

        public string Name => key;

        public string? DefaultCron => cron;

        public Task<string> RunAsync(CancellationToken cancellationToken) => Task.FromResult("ok");
    }
}

/// <summary>A job storage whose server is down: every connection attempt fails.</summary>
public sealed class DownStorage : JobStorage
{
    public override IMonitoringApi GetMonitoringApi() => throw Refused();

    public override IStorageConnection GetConnection() => throw Refused();

    private static IOException Refused() => new("connection refused (127.0.0.1:5432)");
}
