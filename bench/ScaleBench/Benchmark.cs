using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Forecast;
using Monitor.Forecast.Store;

namespace ScaleBench;

/// <summary>
/// ScaleBench --series N --workers K [--out DIR] [--plan-sample S]: forecasts N generated monthly series (120 months)
/// embedded on one thread, then as shards on an owner and K worker processes (one thread each) over PostgreSQL, then
/// embedded on K threads, and compares the distributed forecasts with the embedded ones row by row.
/// </summary>
public static class Benchmark
{
    public static async Task<int> Run(string[] args)
    {
        var series = Int(args, "--series", 2000);
        var workers = Int(args, "--workers", 2);
        var planSample = Int(args, "--plan-sample", 5000);
        var outDir = Path.GetFullPath(Value(args, "--out") ?? Path.Combine("bench", "out", "scale"));
        var postgres = Value(args, "--postgres") ?? Environment.GetEnvironmentVariable("MONITOR_TEST_POSTGRES") ?? "Host=/var/run/postgresql;Username=root;Database=postgres;Pooling=false";
        if (!await ScaleHarness.CanConnect(postgres))
        {
            Console.Error.WriteLine($"ScaleBench: no PostgreSQL at '{postgres}' (start one: pg_ctlcluster 15 main start)");
            return 2;
        }
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        Directory.CreateDirectory(outDir);

        var template = Path.Combine(outDir, "template.duckdb");
        var generated = Stopwatch.StartNew();
        SeriesGenerator.Write(template, series);
        Console.WriteLine($"generated: {series} series x 120 months in {generated.Elapsed.TotalSeconds:F1} s");

        var embedded = Embedded(Copy(template, outDir, "embedded"), threads: 1, planSample);
        Console.WriteLine($"embedded 1 thread: {embedded.Seconds:F1} s ({embedded.Summary})");
        Console.WriteLine($"  {embedded.Cpu}");

        var harness = new ScaleHarness(postgres, "scalebench_" + Guid.NewGuid().ToString("N")[..8], Path.Combine(outDir, "shards"));
        await harness.CreateSchema();
        var processes = Enumerable.Range(1, workers).Select(i => harness.StartWorker($"worker-{i}")).ToList();
        double distributedSeconds;
        RunBreakdown breakdown;
        double planSeconds;
        string distributedPath = Copy(template, outDir, "distributed");
        try
        {
            using var owner = harness.Owner(distributedPath, shards: workers * 4, planSample, keepFiles: true);
            await owner.StartAsync();
            var started = DateTime.UtcNow;
            var ownerCpu = new CpuMeter();
            var workersCpu = processes.Select(p => new CpuMeter(p)).ToList();
            var watch = Stopwatch.StartNew();
            var prepared = owner.Services.GetRequiredService<ShardCoordinator>().Run("forecast", CancellationToken.None);
            var (status, message) = await ScaleHarness.WaitForRun(owner.Services.GetRequiredService<MonitorStore>(), TimeSpan.FromHours(3));
            distributedSeconds = watch.Elapsed.TotalSeconds;
            planSeconds = RunBreakdown.PlanSecondsOf(prepared.Summary);
            Console.WriteLine($"distributed {workers} workers: {distributedSeconds:F1} s ({status}: {message})");
            Console.WriteLine($"  owner {ownerCpu.Report()}");
            foreach (var (meter, i) in workersCpu.Select((m, i) => (m, i))) Console.WriteLine($"  worker-{i + 1} {meter.Report()}");
            await owner.StopAsync();
            breakdown = RunBreakdown.Read(distributedPath, started, distributedSeconds, planSeconds, Path.Combine(outDir, "shards"));
            Console.WriteLine(breakdown);
        }
        finally
        {
            foreach (var p in processes) { try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } }
            await harness.DropSchema();
        }

        var threaded = Embedded(Copy(template, outDir, "threads"), threads: workers, planSample);
        Console.WriteLine($"embedded {workers} threads: {threaded.Seconds:F1} s");
        Console.WriteLine($"  {threaded.Cpu}");

        // The K-threads leg scores the global models on K threads; it must give the one-thread rows too.
        var reference = StoreRows.Forecasts(Path.Combine(outDir, "embedded.duckdb"));
        var identical = reference.SequenceEqual(StoreRows.Forecasts(distributedPath)) && reference.SequenceEqual(StoreRows.Forecasts(Path.Combine(outDir, "threads.duckdb")));
        var retried = StoreRows.Scalar(distributedPath, "SELECT count(*) FROM scale_shards WHERE attempts > 1");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"overall: series={series} embedded_s={embedded.Seconds:F1} workers={workers} distributed_s={distributedSeconds:F1} speedup={embedded.Seconds / distributedSeconds:F2} embedded_k_threads_s={threaded.Seconds:F1} identical={(identical ? "true" : "false")} retried_shards={retried}"));
        Console.WriteLine(breakdown.Projection(series, 4_000_000, 32));
        return identical ? 0 : 1;
    }

    private static (double Seconds, string Summary, string Cpu) Embedded(string database, int threads, int planSample)
    {
        using var store = new MonitorStore(new StoreOptions { Path = database, MemoryLimit = "4GB" });
        var options = Options.Create(new ForecastOptions { Threads = threads });
        var job = new ForecastJob(store, new SeriesReader(store), options, TimeProvider.System, new ScaleOptions { PlanSample = planSample });
        store.EnsureOpen();
        var cpu = new CpuMeter();
        var watch = Stopwatch.StartNew();
        var result = job.Run();
        return (watch.Elapsed.TotalSeconds, result.Summary, cpu.Report());
    }

    private static string Copy(string template, string folder, string name)
    {
        var path = Path.Combine(folder, name + ".duckdb");
        File.Copy(template, path, overwrite: true);
        return path;
    }

    private static int Int(string[] args, string name, int fallback) => Value(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
