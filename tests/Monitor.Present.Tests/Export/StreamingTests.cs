using Monitor.Present.Export;
using Monitor.Present.Export.Formats;
using Monitor.Testing;

namespace Monitor.Present.Tests.Export;

[TestClass]
public sealed class StreamingTests
{
    // 3,000 × 24 rows would take ~80 MB if a writer buffered them (XLSX XML, JSON text); the benchmark runs 10,000 × 24.
    private const int Series = 3_000;
    private const int Steps = 24;
    private static TestStore _store = null!;

    [ClassInitialize]
    public static void Generate(TestContext _)
    {
        _store = TestStore.OnDisk(PresentSchemas.All);
        ForecastFixture.Large(_store.Store, Series, Steps);
    }

    [ClassCleanup]
    public static void Remove() => _store.Dispose();

    /// <summary>Managed heap growth while exporting a large store: bounded, i.e. rows are not collected in memory.</summary>
    [TestMethod]
    [DataRow(ExportFormat.Csv)]
    [DataRow(ExportFormat.Xlsx)]
    [DataRow(ExportFormat.Json)]
    public void LargeExportKeepsTheHeapFlat(ExportFormat format)
    {
        using var connection = _store.Store.Open();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = 0L;
        var sampled = ForecastExportStream.Read(connection, ExportFilter.All).Select((row, i) =>
        {
            if (i % 10_000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            return row;
        });
        var writer = format switch
        {
            ExportFormat.Csv => (IExportRowWriter)new CsvExportWriter(),
            ExportFormat.Xlsx => new XlsxExportWriter(),
            _ => new JsonExportWriter(),
        };

        var result = writer.Write(sampled, new ExportMetadata(DateTime.UtcNow, "all", "test"), Stream.Null);

        Assert.AreEqual((long)Series * Steps, result.Rows);
        Assert.AreEqual(Series, result.Series);
        Assert.IsLessThan(32L * 1024 * 1024, peak, $"{format}: live heap grew by {peak / 1024 / 1024} MB while streaming");
    }
}
