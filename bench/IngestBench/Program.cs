using System.Diagnostics;
using System.Globalization;
using IngestBench;

// IngestBench [--series N] [--periods N] [--repeat N] [--out DIR] [--memory 1GB]
//   runs every phase in a child process (its own peak RSS) and prints medians and ratios.
// IngestBench phase copy|ingest FILE DB [SOURCE [MEMORY]]   (internal: one phase; prints "seconds|peakMB|detail")
if (args.Length > 0 && args[0] == "phase") return RunPhase(args);

var options = Options.Parse(args);
var outDir = Path.GetFullPath(options.Out);
Directory.CreateDirectory(outDir);
var file = Path.Combine(outDir, $"bench_{options.Series}x{options.Periods}.csv");
var revised = Path.Combine(outDir, $"bench_{options.Series}x{options.Periods}_rev1pct.csv");
var rows = (long)options.Series * options.Periods;
if (!File.Exists(file)) { Console.WriteLine($"writing {file} ({rows:N0} rows)"); BenchFile.Write(file, options.Series, options.Periods); }
if (!File.Exists(revised)) { Console.WriteLine($"writing {revised} (1 % of values revised)"); BenchFile.Write(revised, options.Series, options.Periods, reviseShare: 0.01); }
Console.WriteLine($"file: {new FileInfo(file).Length / 1048576.0:F0} MB, {rows:N0} rows; repeats: {options.Repeat}; DuckDB memory_limit {options.Memory}");

var copy = new List<(double S, double Mb)>();
var first = new List<(double S, double Mb)>();
var again = new List<(double S, double Mb)>();
var revision = new List<(double S, double Mb)>();
for (var i = 0; i < options.Repeat; i++)
{
    var store = Path.Combine(outDir, "ingest.duckdb");
    foreach (var leftover in Directory.GetFiles(outDir, "*.duckdb*")) File.Delete(leftover);
    copy.Add(Child("copy", file, Path.Combine(outDir, "peer.duckdb"), options.Memory));
    first.Add(Child("ingest", file, store, options.Memory));
    again.Add(Child("ingest", file, store, options.Memory));
    revision.Add(Child("ingest", revised, store, options.Memory));
}
foreach (var leftover in Directory.GetFiles(outDir, "*.duckdb*")) File.Delete(leftover);

double Median(List<(double S, double Mb)> runs) => runs.Select(r => r.S).Order().ElementAt(runs.Count / 2);
double Peak(List<(double S, double Mb)> runs) => runs.Max(r => r.Mb);
Console.WriteLine();
Console.WriteLine("| phase | median s | rows/s | peak RSS MB |");
Console.WriteLine("|---|---:|---:|---:|");
Console.WriteLine($"| DuckDB COPY … FROM (peer) | {Median(copy):F2} | {rows / Median(copy):N0} | {Peak(copy):F0} |");
Console.WriteLine($"| monitor ingest, empty store | {Median(first):F2} | {rows / Median(first):N0} | {Peak(first):F0} |");
Console.WriteLine($"| re-ingest unchanged file | {Median(again):F2} | — | {Peak(again):F0} |");
Console.WriteLine($"| ingest revising 1 % of values | {Median(revision):F2} | {rows / Median(revision):N0} | {Peak(revision):F0} |");
Console.WriteLine();
Console.WriteLine($"ingest speed / DuckDB COPY speed = {Median(copy) / Median(first):F2} (target ≥ 0.5)");
Console.WriteLine($"re-ingest time / first ingest time = {Median(again) / Median(first):F3} (target ≤ 0.5)");
return 0;

static (double Seconds, double PeakMb) Child(string phase, string file, string database, string memory)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(BenchFile).Assembly.Location);
    foreach (var a in new[] { "phase", phase, file, database, "bench", memory }) start.ArgumentList.Add(a);
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    var error = process.StandardError.ReadToEnd();
    if (!process.WaitForExit(TimeSpan.FromMinutes(4))) { process.Kill(); throw new TimeoutException($"phase {phase} over 4 minutes"); }
    if (process.ExitCode != 0) throw new InvalidOperationException($"phase {phase} failed: {error}");
    var parts = output.Trim().Split('|');
    Console.WriteLine($"  {phase,-6} {Path.GetFileName(file)}: {parts[0]} s, peak {parts[1]} MB, {parts[2]}");
    return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
}

static int RunPhase(string[] args)
{
    var (phase, file, database) = (args[1], args[2], args[3]);
    var source = args.Length > 4 ? args[4] : "bench";
    var memory = args.Length > 5 ? args[5] : "1GB";
    string detail;
    double seconds;
    if (phase == "copy")
    {
        var (s, copied) = Phases.DuckDbCopy(file, database, memory);
        (seconds, detail) = (s, $"{copied:N0} rows copied");
    }
    else
    {
        (seconds, detail) = Phases.Ingest(file, database, source, memory);
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds:F3}|{Phases.PeakRssMb():F0}|{detail}"));
    return 0;
}

/// <summary>Command-line options of the benchmark.</summary>
internal sealed record Options(int Series, int Periods, int Repeat, string Out, string Memory)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        return new Options(int.Parse(Get("--series", "10000"), CultureInfo.InvariantCulture), int.Parse(Get("--periods", "1000"), CultureInfo.InvariantCulture),
            int.Parse(Get("--repeat", "1"), CultureInfo.InvariantCulture), Get("--out", "bench/out"), Get("--memory", "1GB"));
    }
}
