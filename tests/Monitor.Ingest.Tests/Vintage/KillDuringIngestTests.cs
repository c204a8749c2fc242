using System.Diagnostics;
using System.Globalization;
using System.Text;
using Monitor.Core.Store;
using Monitor.Ingest.Store;
using Monitor.Testing;

namespace Monitor.Ingest.Tests.Vintage;

/// <summary>A child process killed (SIGKILL) in the middle of an ingest leaves the DuckDB file exactly as it was before.</summary>
[TestClass]
public sealed class KillDuringIngestTests
{
    [TestMethod]
    public void KilledRunLeavesTheStoreAsBefore()
    {
        var folder = TempFolder.Create();
        try
        {
            var database = Path.Combine(folder, "monitor.duckdb");
            string before;
            using (var store = new MonitorStore(new StoreOptions { Path = database }, IngestSchema.Scripts))
            {
                var small = Path.Combine(folder, "small.csv");
                File.WriteAllText(small, Header + "S00000,s,macro,,,M,1900-01-01,1,\n");
                var ingestor = new Monitor.Ingest.Sources.FileIngestor(new Monitor.Ingest.Vintage.VintageWriter(store, TimeProvider.System), new Monitor.Ingest.Readers.ReaderCatalog(Monitor.Ingest.Readers.IngestReaders.All()));
                Assert.IsTrue(ingestor.Ingest(new(Source: "kill", Path: small, Dataset: "bench", Format: "long")).Succeeded);
                before = Fingerprint(store);
            }
            var big = Path.Combine(folder, "big.csv");
            WriteBig(big, series: 2000, periods: 1000);

            using var child = StartChild(big, database);
            WaitForLine(child, "ingesting");
            Thread.Sleep(1200);
            Assert.IsFalse(child.HasExited, "the child finished before it could be killed; make the file bigger");
            child.Kill(entireProcessTree: true);
            child.WaitForExit();

            using var reopened = new MonitorStore(new StoreOptions { Path = database }, IngestSchema.Scripts);
            Assert.AreEqual(before, Fingerprint(reopened));
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    private const string Header = "series_code,series_name,domain,region_code,industry_code,frequency,period,value,unit\n";

    private static string Fingerprint(MonitorStore store)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM observations) || '/' || (SELECT count(*) FROM series) || '/' || (SELECT count(*) FROM ingest_runs)
                || '/' || (SELECT coalesce(sum(hash(series_id, period, value, known_from, known_to)), 0) FROM observations)
            """;
        return (string)command.ExecuteScalar()!;
    }

    private static void WriteBig(string path, int series, int periods)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write(Header);
        for (var s = 0; s < series; s++)
            for (var p = 0; p < periods; p++)
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"S{s:D5},s,macro,,,M,{new DateOnly(1900, 1, 1).AddMonths(p):yyyy-MM-dd},{s + p * 0.5},\n"));
    }

    private static Process StartChild(string file, string database)
    {
        var bench = Path.Combine(AppContext.BaseDirectory.Replace(Path.Combine("tests", "Monitor.Ingest.Tests"), Path.Combine("bench", "IngestBench"), StringComparison.Ordinal), "IngestBench.dll");
        Assert.IsTrue(File.Exists(bench), $"IngestBench is built with the tests (project reference): {bench}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { bench, "phase", "ingest", file, database, "kill" }) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

    private static void WaitForLine(Process child, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var line = child.StandardError.ReadLine() ?? throw new AssertFailedException("child ended early: " + child.StandardOutput.ReadToEnd());
            if (line.Contains(expected, StringComparison.Ordinal)) return;
        }
        throw new AssertFailedException($"child never printed '{expected}'");
    }
}
