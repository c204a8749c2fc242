using System.Diagnostics;
using System.Globalization;
using Monitor.Core.Store;
using Monitor.Warn.Job;

namespace WarnBench;

/// <summary>The warn job end to end on a DuckDB file: read N × M observations, compute, write lights, anomalies, composites and alerts.</summary>
internal static class JobBench
{
    public static void Run(int seriesCount, int months)
    {
        var folder = Path.Combine(Path.GetTempPath(), "warnbench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using var store = new MonitorStore(new StoreOptions { Path = Path.Combine(folder, "bench.duckdb"), MemoryLimit = "1GB", Threads = 2 },
                // the warn stage reads the forecast stage's one-step forecasts (none here: every series on the naive fallback)
                Monitor.Forecast.ForecastServiceCollectionExtensions.Schema.Concat(Microsoft.Extensions.DependencyInjection.WarnServiceCollectionExtensions.Schema));
            var watch = Stopwatch.StartNew();
            Seed(store, seriesCount, months);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {seriesCount:N0} series x {months} months in {watch.Elapsed.TotalSeconds:F1} s"));
            var clock = new FixedClock(new DateTime(2030, 1, 15));
            var job = new WarnJob(store, new WarnInputReader(store, new SeriesReader(store)), Microsoft.Extensions.Options.Options.Create(ScaleBench.Options()), clock);
            foreach (var run in new[] { "first run", "rerun on the same data" })
            {
                watch.Restart();
                // CPU time next to wall time: on a shared machine the wall time mostly measures the other processes
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var summary = job.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"job {run}: {watch.Elapsed.TotalSeconds:F1} s (cpu {cpuSeconds:F1} s) — {summary}"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Seed(MonitorStore store, int seriesCount, int months)
    {
        var (inputs, _) = ScaleBench.Synthetic(seriesCount, months);
        using var connection = store.Open();
        using (var series = connection.CreateAppender("series"))
        {
            foreach (var s in inputs.Catalogue)
            {
                series.CreateRow().AppendValue(s.SeriesId).AppendValue(s.Dataset).AppendValue(s.Code).AppendValue(s.Name).AppendValue(s.NameZh)
                    .AppendValue(s.Domain).AppendValue(s.RegionCode).AppendValue(s.IndustryCode).AppendValue("M").AppendValue(s.Unit).AppendValue(s.Transform)
                    .AppendValue(s.Source).AppendValue(s.Country).AppendValue(s.CounterCyclical).AppendValue(DateTime.UtcNow).EndRow();
            }
        }
        using var observations = connection.CreateAppender("observations");
        foreach (var (id, values) in inputs.Observations)
        {
            foreach (var o in values)
                observations.CreateRow().AppendValue(id).AppendValue(o.Period.ToDateTime(TimeOnly.MinValue)).AppendValue(o.Value)
                    .AppendValue(new DateTime(2030, 1, 1)).AppendNullValue().AppendValue(1L).EndRow();
        }
    }

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now, TimeSpan.Zero);
    }
}
