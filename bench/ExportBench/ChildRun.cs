using System.Diagnostics;
using System.Globalization;
using Monitor.Core.Store;
using Monitor.Present.Export;

namespace Monitor.Bench.Export;

/// <summary>One measured export in this process: prints "seconds peakRssKb" (VmHWM from /proc/self/status).</summary>
internal static class ChildRun
{
    /// <summary>Ours first, then DuckDB's native writer where one exists (the peer).</summary>
    public static readonly string[] Kinds = ["duckdb-csv", "csv", "duckdb-json", "json", "xlsx", "parquet"];

    public static string? PeerOf(string kind) => kind switch
    {
        "csv" => "duckdb-csv",
        "json" => "duckdb-json",
        _ => null,
    };

    public static int Run(string kind, string storePath, string outputPath)
    {
        using var store = new MonitorStore(new StoreOptions { Path = storePath, MemoryLimit = Environment.GetEnvironmentVariable("BENCH_MEMORY_LIMIT") ?? "1GB", Threads = int.Parse(Environment.GetEnvironmentVariable("BENCH_THREADS") ?? "0", CultureInfo.InvariantCulture) });
        var clock = Stopwatch.StartNew();
        if (kind == "noop") { }
        else if (kind.StartsWith("duckdb-", StringComparison.Ordinal)) NativeCopy(store, kind["duckdb-".Length..], outputPath);
        else
        {
            ExportFormats.TryParse(kind, out var format);
            new ForecastExporter(store, TimeProvider.System).ExportToFile(format, ExportFilter.All, outputPath);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{seconds.ToString("F3", CultureInfo.InvariantCulture)} {PeakRssKb()}");
        return 0;
    }

    /// <summary>The peer: DuckDB writing the same query result itself (no BOM, no formula guard, flat JSON lines).</summary>
    private static void NativeCopy(MonitorStore store, string format, string outputPath)
    {
        using var connection = store.Open();
        var query = new ForecastExportQuery(ExportFilter.All);
        using var command = query.CreateCommand(connection);
        command.CommandText = $"COPY ({query.Sql}) TO {SqlIdentifier.Literal(outputPath)} (FORMAT {(format == "csv" ? "csv, HEADER" : "json")})";
        command.ExecuteNonQuery();
    }

    private static long PeakRssKb()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
