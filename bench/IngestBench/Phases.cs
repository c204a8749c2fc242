using System.Diagnostics;
using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Ingest.Readers;
using Monitor.Ingest.Sources;
using Monitor.Ingest.Store;
using Monitor.Ingest.Vintage;

namespace IngestBench;

/// <summary>One measured phase, run in its own process so that its peak RSS is its own.</summary>
internal static class Phases
{
    /// <summary>DuckDB's own COPY … FROM of the file into a plain table of a fresh database file (the peer).</summary>
    public static (double Seconds, long Rows) DuckDbCopy(string file, string database, string memory)
    {
        File.Delete(database);
        using var connection = new DuckDBConnection($"Data Source={database}");
        connection.Open();
        Execute(connection, $"SET memory_limit = '{SqlIdentifier.CheckSize(memory)}'");
        Execute(connection, "CREATE TABLE raw (series_code VARCHAR, series_name VARCHAR, domain VARCHAR, region_code VARCHAR, industry_code VARCHAR, frequency VARCHAR, period DATE, value DOUBLE, unit VARCHAR)");
        var watch = Stopwatch.StartNew();
        Execute(connection, $"COPY raw FROM {SqlIdentifier.Literal(file)} (HEADER)");
        watch.Stop();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM raw";
        return (watch.Elapsed.TotalSeconds, Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The project's ingest of the file into the store at <paramref name="database"/> (created when absent).</summary>
    public static (double Seconds, string Summary) Ingest(string file, string database, string source, string memory = "1GB")
    {
        using var store = new MonitorStore(new StoreOptions { Path = database, MemoryLimit = memory }, IngestSchema.Scripts);
        var ingestor = new FileIngestor(new VintageWriter(store, TimeProvider.System), new ReaderCatalog(IngestReaders.All()));
        Console.Error.WriteLine("ingesting");
        var watch = Stopwatch.StartNew();
        var result = ingestor.Ingest(new FileIngestor.Request(source, file, "bench", "long"));
        watch.Stop();
        if (!result.Succeeded) throw new InvalidOperationException(result.Summary() + " " + string.Join("; ", result.Problems.Take(3)));
        return (watch.Elapsed.TotalSeconds, result.Summary());
    }

    /// <summary>Peak resident set of this process (VmHWM), in MB.</summary>
    public static double PeakRssMb()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
