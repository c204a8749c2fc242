using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Nowcast.Evaluation;
using Monitor.Nowcast.Evaluation.Shards;
using Monitor.Nowcast.Model;
using Monitor.Testing;
using ScaleBench;

namespace Monitor.Jobs.Tests.Scale;

/// <summary>
/// Scale-out with real processes: the store owner in this process and shard workers as child processes, on one
/// PostgreSQL job storage and one shard folder, compared with the embedded run on the same data.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class DistributedForecastTests
{
    private const string DefaultPostgres = "Host=/var/run/postgresql;Username=root;Database=postgres;Pooling=false";
    private const int Series = 300;

    private static string Postgres => Environment.GetEnvironmentVariable("MONITOR_TEST_POSTGRES") ?? DefaultPostgres;

    [TestMethod]
    public async Task Three_workers_forecast_exactly_what_the_embedded_run_forecasts()
    {
        using var run = await Setup(Series);
        var workers = Enumerable.Range(1, 3).Select(i => run.Harness.StartWorker($"w{i}")).ToList();
        try
        {
            using var owner = run.Harness.Owner(run.Distributed, shards: 6);
            await owner.StartAsync();
            owner.Services.GetRequiredService<ShardCoordinator>().Run("forecast", CancellationToken.None);
            var (status, message) = await ScaleHarness.WaitForRun(owner.Services.GetRequiredService<MonitorStore>(), TimeSpan.FromMinutes(5));
            await owner.StopAsync();
            Assert.AreEqual("merged", status, message);
        }
        finally
        {
            Stop(workers);
        }
        var embedded = StoreRows.Forecasts(run.Embedded);
        Assert.AreEqual(Series * 18, embedded.Count);
        CollectionAssert.AreEqual(embedded, StoreRows.Forecasts(run.Distributed), "the distributed run's forecasts are the embedded run's");
        Assert.AreEqual(6L, StoreRows.Scalar(run.Distributed, "SELECT count(*) FROM scale_shards WHERE status = 'done'"));
        Assert.IsTrue(StoreRows.Scalar(run.Distributed, "SELECT count(DISTINCT worker) FROM scale_shards") >= 2, "shards were spread over workers");
    }

    [TestMethod]
    public async Task A_worker_killed_mid_shard_leaves_its_shard_to_another_and_nothing_is_merged_twice()
    {
        using var run = await Setup(600, invisibility: "00:00:10");
        var victim = run.Harness.StartWorker("victim");
        var workers = new List<Process> { victim };
        try
        {
            using var owner = run.Harness.Owner(run.Distributed, shards: 3);
            await owner.StartAsync();
            owner.Services.GetRequiredService<ShardCoordinator>().Run("forecast", CancellationToken.None);
            var killed = await KillWhenComputing(victim, run.ShardRoot, TimeSpan.FromMinutes(2));
            workers.Add(run.Harness.StartWorker("survivor"));
            var (status, message) = await ScaleHarness.WaitForRun(owner.Services.GetRequiredService<MonitorStore>(), TimeSpan.FromMinutes(4));
            await owner.StopAsync();
            Assert.AreEqual("merged", status, message);
            Assert.IsTrue(killed >= 0, "the victim was killed while computing a shard");
            Assert.AreEqual(0L, StoreRows.Scalar(run.Distributed, $"SELECT count(*) FROM scale_shards WHERE shard = {killed} AND worker LIKE '%:{victim.Id}'"),
                "the killed worker's shard was completed by another worker");
        }
        finally
        {
            Stop(workers);
        }
        CollectionAssert.AreEqual(StoreRows.Forecasts(run.Embedded), StoreRows.Forecasts(run.Distributed), "every series once, as embedded");
    }

    [TestMethod]
    public async Task The_owner_restarted_between_the_shards_and_the_merge_completes_the_run()
    {
        using var run = await Setup(300);
        var workers = new List<Process>();
        try
        {
            using (var owner = run.Harness.Owner(run.Distributed, shards: 2))
            {
                owner.Services.GetRequiredService<ShardCoordinator>().Run("forecast", CancellationToken.None);  // its job server never starts
            }
            workers.Add(run.Harness.StartWorker("w1"));
            await WaitForOutputs(run.ShardRoot, 2, TimeSpan.FromMinutes(3));
            using var restarted = run.Harness.Owner(run.Distributed, shards: 2);
            await restarted.StartAsync();
            var (status, message) = await ScaleHarness.WaitForRun(restarted.Services.GetRequiredService<MonitorStore>(), TimeSpan.FromMinutes(2));
            await restarted.StopAsync();
            Assert.AreEqual("merged", status, message);
        }
        finally
        {
            Stop(workers);
        }
        CollectionAssert.AreEqual(StoreRows.Forecasts(run.Embedded), StoreRows.Forecasts(run.Distributed));
    }

    [TestMethod]
    public async Task A_poisoned_shard_fails_the_run_with_its_reason()
    {
        using var run = await Setup(200);
        var workers = new List<Process>();
        try
        {
            using var owner = run.Harness.Owner(run.Distributed, shards: 2);
            var coordinator = owner.Services.GetRequiredService<ShardCoordinator>();
            coordinator.Run("forecast", CancellationToken.None);
            var input = Directory.GetFiles(run.ShardRoot, "shard-0001.input.parquet", SearchOption.AllDirectories).Single();
            await File.WriteAllTextAsync(input, "not parquet");
            await owner.StartAsync();
            workers.Add(run.Harness.StartWorker("w1"));
            var (status, message) = await ScaleHarness.WaitForRun(owner.Services.GetRequiredService<MonitorStore>(), TimeSpan.FromMinutes(3));
            var recent = coordinator.Recent(1).Single();
            var registration = new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration("shards", new Monitor.Web.Health.ShardRunsHealthCheck(coordinator),
                Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, null);
            var health = await registration.Factory(owner.Services).CheckHealthAsync(new() { Registration = registration });
            await owner.StopAsync();
            Assert.AreEqual(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, health.Status, "/health says the run failed");
            StringAssert.Contains(health.Description, "shard 1 failed");
            Assert.AreEqual("failed", status);
            StringAssert.Contains(message, "shard 1 failed after 3 attempts");
            Assert.AreEqual("failed", recent.Shards[1].Status, "the Data page shows which shard failed");
            Assert.AreEqual(1L, StoreRows.Scalar(run.Distributed, "SELECT count(*) FROM forecast_runs WHERE status = 'failed'"), "the stage's own run record says failed");
        }
        finally
        {
            Stop(workers);
        }
        Assert.AreEqual(0L, StoreRows.Scalar(run.Distributed, "SELECT count(*) FROM forecasts"), "nothing of a failed run is merged");
    }

    [TestMethod]
    public async Task A_worker_built_from_other_code_refuses_the_shard_and_says_so()
    {
        using var run = await Setup(100, codeVersion: "other-build");
        var workers = new List<Process>();
        try
        {
            using var owner = run.Harness.Owner(run.Distributed, shards: 1);
            await owner.StartAsync();
            workers.Add(run.Harness.StartWorker("old"));
            owner.Services.GetRequiredService<ShardCoordinator>().Run("forecast", CancellationToken.None);
            var (status, message) = await ScaleHarness.WaitForRun(owner.Services.GetRequiredService<MonitorStore>(), TimeSpan.FromMinutes(3));
            await owner.StopAsync();
            Assert.AreEqual("failed", status);
            StringAssert.Contains(message, "refuses the shard");
        }
        finally
        {
            Stop(workers);
        }
    }

    [TestMethod]
    public async Task Two_workers_warn_exactly_what_the_embedded_run_warns()
    {
        // One clock for both runs, so their time stamps (computed_at, detected_at, alert times) can be compared too.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 25, 8, 0, 0, TimeSpan.Zero));
        // a composite over generated series, so the merge also dates turning points
        var composite = new Dictionary<string, string?> { ["Warn:Composites:0:Code"] = "bench", ["Warn:Composites:0:Name"] = "Bench" };
        for (var i = 0; i < 4; i++) composite[$"Warn:Composites:0:Components:{i}:SeriesId"] = $"bench:S{i:D7}";
        var options = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(composite).Build().GetSection("Warn").Get<Monitor.Warn.WarnOptions>()!;
        List<string>[]? embedded = null;
        using var run = await Setup(150, embeddedRun: store =>
        {
            new Monitor.Warn.Job.WarnJob(store, new Monitor.Warn.Job.WarnInputReader(store, new SeriesReader(store)), Microsoft.Extensions.Options.Options.Create(options), clock)
                .RunAsync(CancellationToken.None).GetAwaiter().GetResult();
            embedded = WarnTables.Snapshot(store);
        });
        var workers = Enumerable.Range(1, 2).Select(i => run.Harness.StartWorker($"w{i}")).ToList();
        List<string>[] distributed;
        try
        {
            using var owner = run.Harness.Owner(run.Distributed, shards: 4, settings: composite, clock: clock);
            await owner.StartAsync();
            var store = owner.Services.GetRequiredService<MonitorStore>();
            owner.Services.GetRequiredService<ShardCoordinator>().Run("warn", CancellationToken.None);
            var (status, message) = await ScaleHarness.WaitForRun(store, TimeSpan.FromMinutes(4));
            await owner.StopAsync();
            Assert.AreEqual("merged", status, message);
            distributed = WarnTables.Snapshot(store);
        }
        finally
        {
            Stop(workers);
        }
        WarnTables.AssertEqual(embedded!, distributed, "the distributed warn run writes the embedded run's rows");
        Assert.AreEqual(4L, StoreRows.Scalar(run.Distributed, "SELECT count(*) FROM scale_shards WHERE status = 'done' AND worker IS NOT NULL"));
    }

    [TestMethod]
    public async Task Two_workers_evaluate_the_nowcast_exactly_as_one_process_does()
    {
        var request = SmallNowcastEvaluation();
        using var local = TestStore.InMemory(Monitor.Nowcast.NowcastServiceCollectionExtensions.Schema);
        var inProcess = new NowcastEvaluationShardStage { Request = request };
        ShardCoordinator.InProcess(local.Store, inProcess, TimeProvider.System, new ScaleOptions()).Run(inProcess.Key, CancellationToken.None);
        var expected = Comparable(local.Store, inProcess.LastMergedRun);

        using var run = await Setup(10, embeddedRun: _ => { });
        var workers = Enumerable.Range(1, 2).Select(i => run.Harness.StartWorker($"w{i}")).ToList();
        try
        {
            using var owner = run.Harness.Owner(run.Distributed, shards: 3);
            var stage = owner.Services.GetRequiredService<NowcastEvaluationShardStage>();
            stage.Request = request;
            await owner.StartAsync();
            var store = owner.Services.GetRequiredService<MonitorStore>();
            owner.Services.GetRequiredService<ShardCoordinator>().Run(stage.Key, CancellationToken.None);
            var (status, message) = await ScaleHarness.WaitForRun(store, TimeSpan.FromMinutes(4));
            await owner.StopAsync();
            Assert.AreEqual("merged", status, message);
            CollectionAssert.AreEqual(expected, Comparable(store, stage.LastMergedRun), "the workers' evaluation is the in-process one, nowcast by nowcast");
        }
        finally
        {
            Stop(workers);
        }
        Assert.AreEqual(3L, StoreRows.Scalar(run.Distributed, "SELECT count(*) FROM scale_shards WHERE status = 'done' AND worker IS NOT NULL"), "every shard ran on a worker");
    }

    /// <summary>FRED-MD, four indicators, 1996–1997 with a year of warm-up errors: a few seconds of EM per year.</summary>
    private static NowcastEvaluationRequest SmallNowcastEvaluation()
    {
        var panel = UsPanel.Load(Path.GetDirectoryName(RepoPaths.Dataset("fred_md"))!, "GDPC1");
        var settings = new NowcastSettings(["PAYEMS", "INDPRO", "RETAILx", "UNRATE"], new Dictionary<string, string[]>(), 1, new DateOnly(1985, 1, 1), ErrorWindowQuarters: 4);
        return new NowcastEvaluationRequest(panel, settings, new EmOptions(MaxIterations: 10), new DateOnly(1996, 1, 1), new DateOnly(1997, 10, 1));
    }

    /// <summary>Each evaluated nowcast without its timings (which differ run to run).</summary>
    private static List<object> Comparable(MonitorStore store, long? runId)
    {
        Assert.IsNotNull(runId, "the evaluation run was merged");
        return NowcastEvaluationStore.Read(store, runId.Value).Rows
            .Select(r => (object)(r.Quarter, r.Month, r.Actual, r.Nowcast, r.ModelDensity, r.ProductDensity, r.Ar1, r.Reestimated)).ToList();
    }

    /// <summary>
    /// Two copies of one generated store, a run embedded on the first (default: the forecast stage), and a fresh
    /// job-storage schema.
    /// </summary>
    private static async Task<DistributedRun> Setup(int series, string invisibility = "00:05:00", string codeVersion = "", Action<MonitorStore>? embeddedRun = null)
    {
        if (!await ScaleHarness.CanConnect(Postgres)) CiRequirement.Missing("no PostgreSQL server reachable (.ci/install.sh starts one; or set MONITOR_TEST_POSTGRES)");
        var folder = TempFolder.Create();
        var template = Path.Combine(folder, "template.duckdb");
        SeriesGenerator.Write(template, series);
        var embedded = Path.Combine(folder, "embedded.duckdb");
        var distributed = Path.Combine(folder, "distributed.duckdb");
        File.Copy(template, embedded);
        File.Copy(template, distributed);
        using (var store = new MonitorStore(new StoreOptions { Path = embedded }, Microsoft.Extensions.DependencyInjection.WarnServiceCollectionExtensions.Schema))
        {
            (embeddedRun ?? Forecast)(store);
        }
        var harness = new ScaleHarness(Postgres, "scale_test_" + Guid.NewGuid().ToString("N")[..8], Path.Combine(folder, "shards"), codeVersion, invisibility);
        await harness.CreateSchema();
        return new DistributedRun(folder, harness, embedded, distributed, Path.Combine(folder, "shards"));
    }

    private static void Forecast(MonitorStore store) =>
        new Monitor.Forecast.Store.ForecastJob(store, new SeriesReader(store), Microsoft.Extensions.Options.Options.Create(new Monitor.Forecast.ForecastOptions()), TimeProvider.System).Run();

    /// <summary>Kills the worker as soon as its status file says it is computing a shard; returns that shard.</summary>
    private static async Task<int> KillWhenComputing(Process worker, string root, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            foreach (var file in Directory.Exists(root) ? Directory.GetFiles(root, "*.status.json", SearchOption.AllDirectories) : [])
            {
                var text = await File.ReadAllTextAsync(file);
                if (!text.Contains($":{worker.Id}\"", StringComparison.Ordinal) || !text.Contains("\"running\"", StringComparison.Ordinal)) continue;
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync();
                return int.Parse(Path.GetFileName(file)["shard-".Length..][..4], System.Globalization.CultureInfo.InvariantCulture);
            }
            await Task.Delay(50);
        }
        return -1;
    }

    private static async Task WaitForOutputs(string root, int shards, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout && Directory.GetFiles(root, "*.output.parquet", SearchOption.AllDirectories).Length < shards) await Task.Delay(200);
    }

    private static void Stop(IEnumerable<Process> workers)
    {
        foreach (var worker in workers)
        {
            if (!worker.HasExited) worker.Kill(entireProcessTree: true);
            worker.Dispose();
        }
    }

    private sealed record DistributedRun(string Folder, ScaleHarness Harness, string Embedded, string Distributed, string ShardRoot) : IDisposable
    {
        public void Dispose()
        {
            Harness.DropSchema().GetAwaiter().GetResult();
            TempFolder.Delete(Folder);
        }
    }
}
