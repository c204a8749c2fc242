using Microsoft.Extensions.Time.Testing;
using Monitor.Enterprises.Ingest;
using Monitor.Enterprises.Store;
using Monitor.Ingest.Store;
using Monitor.Testing;
using Monitor.Testing.Workbooks;

namespace Monitor.Enterprises.Tests.Ingest;

/// <summary>
/// Panels in Excel: the first sheet of an .xlsx goes through the same loader and checks as a CSV; a bad row rejects
/// the whole workbook with its sheet!cell, and the store keeps what it had.
/// </summary>
[TestClass]
public sealed class PanelWorkbookTests
{
    private static readonly object?[] Header = [.. PanelLayout.Columns];

    private TestStore _store = null!;
    private string _folder = null!;
    private PanelLoader _loader = null!;

    [TestInitialize]
    public void SetUp()
    {
        _store = TestStore.InMemory(EnterpriseSchema.Scripts.Concat(IngestSchema.Scripts));
        _folder = TempFolder.Create();
        _loader = new PanelLoader(_store.Store, new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero)));
    }

    [TestCleanup]
    public void TearDown()
    {
        _store.Dispose();
        TempFolder.Delete(_folder);
    }

    [TestMethod]
    public void A_clean_workbook_loads_like_a_csv_with_typed_cells()
    {
        var path = new XlsxBuilder().Sheet("企业", Header,
                Row(1, "110101", new DateTime(2024, 1, 1), 101.5),
                Row(1, "110101", "2024-02", "1,234.5"),
                [],
                Row(2, 110102.0, "2024-01", 99.0))
            .Sheet("说明", ["ignored"])
            .Save(Path.Combine(_folder, "panel.xlsx"));

        var result = _loader.Load(path, "enterprise:test");

        Assert.IsTrue(result.Succeeded, result.Summary());
        Assert.AreEqual((3L, 2L), (result.RowsNew, result.Firms));
        Assert.AreEqual(1234.5, Value($"SELECT value FROM enterprise_current WHERE period = DATE '2024-02-01'"));
        Assert.AreEqual(101.5, Value($"SELECT value FROM enterprise_current WHERE period = DATE '2024-01-01' AND region_code = '110101'"));
        Assert.AreEqual(99.0, Value($"SELECT value FROM enterprise_current WHERE region_code = '110102'"));
    }

    [TestMethod]
    public void A_bad_row_rejects_the_whole_workbook_naming_its_cell_and_the_store_is_unchanged()
    {
        Assert.IsTrue(_loader.Load(PanelFiles.WriteCsv(_folder, PanelFiles.Rows(2, 3)), "enterprise:test").Succeeded);
        var path = new XlsxBuilder().Sheet("企业", Header,
                Row(5, "110101", "2024-01", 1.0),
                [],
                Row(6, "999999", "2024-01", 2.0))
            .Save(Path.Combine(_folder, "bad.xlsx"));

        var result = _loader.Load(path, "enterprise:test");

        Assert.IsFalse(result.Succeeded);
        StringAssert.StartsWith(result.Problems.Single().ToString(), "bad.xlsx: 企业!C4: region_code: unknown GB/T 2260 division code '999999'");
        Assert.AreEqual(6.0, Value("SELECT count(*) FROM enterprise_current"), "the earlier CSV's rows only");
        StringAssert.StartsWith(Text($"SELECT error_report FROM ingest_runs WHERE run_id = {result.RunId}"), "bad.xlsx: 企业!C4:");
    }

    [TestMethod]
    public void A_code_typed_as_a_number_and_a_wrong_header_are_named_by_cell()
    {
        var numeric = new XlsxBuilder().Sheet("Panel", Header, Row(1, "110101", "2024-01", 1.0), [91110101000000001.0, "企业", "110101", "1311", "small", "output", "2024-01", 2.0, "万元"])
            .Save(Path.Combine(_folder, "numeric.xlsx"));
        StringAssert.StartsWith(_loader.Load(numeric, "enterprise:test").Problems.Single().ToString(), "numeric.xlsx: Panel!A3: enterprise_id: stored as a number");

        var header = new XlsxBuilder().Sheet("Panel", ["enterprise_id", "name"]).Save(Path.Combine(_folder, "header.xlsx"));
        StringAssert.StartsWith(_loader.Load(header, "enterprise:test").Problems.Single().ToString(), "header.xlsx: Panel!A1: header:");
        Assert.AreEqual(0.0, Value("SELECT count(*) FROM enterprise_observations"));
    }

    private static object?[] Row(int firm, object region, object period, object value) =>
        [PanelFiles.Id(firm, "110101"), $"企业{firm}", region, "1311", "small", "output", period, value, "万元"];

    private double Value(string sql) => Convert.ToDouble(Monitor.Core.Store.Sql.Rows(_store.Store, sql, r => r.GetValue(0)).Single(), System.Globalization.CultureInfo.InvariantCulture);

    private string Text(string sql) => Monitor.Core.Store.Sql.Rows(_store.Store, sql, r => r.GetString(0)).Single();
}
