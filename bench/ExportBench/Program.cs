using System.Diagnostics;
using System.Globalization;
using Monitor.Bench.Export;

// Usage: ExportBench [--series 10000] [--steps 24] [--repeats 3]
// Environment: BENCH_KINDS=csv,xlsx (a subset), BENCH_THREADS / BENCH_MEMORY_LIMIT (DuckDB settings of the child runs).
// Generates a store, then exports it once per format and repeat, each run in a child process so that its peak RSS
// (VmHWM) belongs to that export alone; DuckDB's native COPY to CSV/JSON runs beside ours as the peer.
if (args.Length > 0 && args[0] == "--child") return ChildRun.Run(args[1], args[2], args[3]);

var options = new Dictionary<string, int> { ["series"] = 10_000, ["steps"] = 24, ["repeats"] = 3 };
for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = int.Parse(args[i + 1], CultureInfo.InvariantCulture);

var folder = Path.Combine(Path.GetTempPath(), $"monitor-export-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(folder);
try
{
    var storePath = Path.Combine(folder, "bench.duckdb");
    var generated = Stopwatch.StartNew();
    var rows = BenchStore.Generate(storePath, options["series"], options["steps"]);
    Console.WriteLine($"store: {options["series"]:N0} series × {options["steps"]} steps = {rows:N0} forecast rows, generated in {generated.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine($"repeats per format: {options["repeats"]} (medians; each run in its own process)");
    Console.WriteLine();
    Console.WriteLine($"{"format",-14} {"time s",8} {"peak RSS MB",12} {"file MB",8}  vs peer");

    var medians = new Dictionary<string, (double Seconds, double RssMb, double FileMb)>();
    foreach (var kind in (Environment.GetEnvironmentVariable("BENCH_KINDS")?.Split(',') ?? ChildRun.Kinds))
    {
        var runs = Enumerable.Range(0, options["repeats"]).Select(_ => RunChild(kind, storePath, folder)).ToList();
        var median = (Median(runs.Select(r => r.Seconds)), Median(runs.Select(r => r.RssMb)), runs[0].FileMb);
        medians[kind] = median;
        var peer = ChildRun.PeerOf(kind) is { } peerKind && medians.TryGetValue(peerKind, out var p)
            ? $"time ×{median.Item1 / p.Seconds:F1}, RSS ×{median.Item2 / p.RssMb:F1} of {peerKind}"
            : "";
        Console.WriteLine($"{kind,-14} {median.Item1,8:F2} {median.Item2,12:F0} {median.Item3,8:F1}  {peer}");
    }
    return 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static (double Seconds, double RssMb, double FileMb) RunChild(string kind, string storePath, string folder)
{
    var output = Path.Combine(folder, $"out-{kind}-{Guid.NewGuid():N}");
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
    foreach (var arg in new[] { "--child", kind, storePath, output }) start.ArgumentList.Add(arg);
    using var child = Process.Start(start)!;
    var line = child.StandardOutput.ReadToEnd().Trim();
    child.WaitForExit();
    if (child.ExitCode != 0) throw new InvalidOperationException($"{kind} run failed: {line}");
    var parts = line.Split(' ');
    var fileMb = File.Exists(output) ? new FileInfo(output).Length / 1024.0 / 1024.0 : 0;
    File.Delete(output);
    return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture) / 1024.0, fileMb);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
