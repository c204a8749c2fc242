using System.Globalization;
using System.Text;
using System.Text.Json;
using Monitor.Present.Export;
using Monitor.Testing;

namespace Monitor.Present.Tests.Export;

[TestClass]
public sealed class RoundTripTests : SmallFixtureTest
{
    private ForecastExporter _exporter = null!;

    protected override bool OnDisk => true;

    [TestInitialize]
    public void Start() => _exporter = new ForecastExporter(Store, TimeProvider.System);

    [TestMethod]
    public void CsvStartsWithBomAndReadsBackChineseNamesAndIntervals()
    {
        var path = Path.Combine(Folder, "f.csv");
        var result = _exporter.ExportToFile(ExportFormat.Csv, ExportFilter.All, path);

        var bytes = File.ReadAllBytes(path);
        CollectionAssert.AreEqual(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var records = ExportReadBack.Csv(Encoding.UTF8.GetString(bytes[3..]));
        var header = records[0];
        var cpi = records.Skip(1).Where(r => r[0] == "nbs:cpi").ToList();

        Assert.AreEqual(9L, result.Rows);
        Assert.AreEqual(3L, result.Series);
        Assert.AreEqual(10, records.Count, "header + 3 series × 3 steps");
        Assert.AreEqual("CPI, \"all items\"", cpi[0][header.IndexOf("name")]);
        Assert.AreEqual("居民消费价格指数", cpi[0][header.IndexOf("name_zh")]);
        Assert.AreEqual("lightgbm", cpi[0][header.IndexOf("model")], "latest successful run, not the failed run 3");
        Assert.AreEqual("2025-02-01", cpi[0][header.IndexOf("period")]);
        Assert.AreEqual(0.3, double.Parse(cpi[0][header.IndexOf("point")], CultureInfo.InvariantCulture), 1e-12);
        Assert.AreEqual(-0.7, double.Parse(cpi[0][header.IndexOf("lo80")], CultureInfo.InvariantCulture), 1e-12);
        Assert.AreEqual(2.3, double.Parse(cpi[0][header.IndexOf("hi95")], CultureInfo.InvariantCulture), 1e-12);
        Assert.AreEqual("10.25", cpi[0][header.IndexOf("smape")]);
        Assert.AreEqual("2025-01-05 09:30:00", cpi[0][header.IndexOf("vintage")]);
    }

    [TestMethod]
    public void XlsxHasChineseSheetsTypedCellsAndFormats()
    {
        var path = Path.Combine(Folder, "f.xlsx");
        _exporter.ExportToFile(ExportFormat.Xlsx, ExportFilter.All, path);

        CollectionAssert.AreEqual(new[] { "预测", "说明" }, ExportReadBack.XlsxSheetNames(path).ToArray());
        var rows = ExportReadBack.XlsxSheet(path, "预测");
        var header = rows[0].Select(c => c.Text).ToList();
        var gdp = rows.Skip(1).First(r => r[0].Text == "prov:gdp:44");
        var period = gdp[header.IndexOf("period")];
        var point = gdp[header.IndexOf("point")];

        Assert.AreEqual(10, rows.Count);
        Assert.AreEqual("广东省地区生产总值", gdp[header.IndexOf("name_zh")].Text);
        Assert.AreEqual("亿元", gdp[header.IndexOf("unit")].Text);
        Assert.IsFalse(period.IsText, "dates are numeric cells with a date format");
        Assert.AreEqual(new DateTime(2025, 1, 1), DateTime.FromOADate(double.Parse(period.Text!, CultureInfo.InvariantCulture)));
        Assert.AreNotEqual(0u, period.Style);
        Assert.IsFalse(point.IsText);
        Assert.AreEqual(2001.0, double.Parse(point.Text!, CultureInfo.InvariantCulture));
        Assert.AreEqual(2003.0, double.Parse(gdp[header.IndexOf("hi95")].Text!, CultureInfo.InvariantCulture));
        var metadata = ExportReadBack.XlsxSheet(path, "说明");
        Assert.IsTrue(metadata.Any(r => r.Count > 1 && r[0].Text == "name_zh" && r[1].Text == "名称"), "the metadata sheet explains every column");
        Assert.IsTrue(metadata.Any(r => r[0].Text == "行数 rows" && r[1].Text == "9"));
    }

    [TestMethod]
    public void XlsxIsAValidSpreadsheetPackage()
    {
        var path = Path.Combine(Folder, "valid.xlsx");
        _exporter.ExportToFile(ExportFormat.Xlsx, ExportFilter.All, path);

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.IsEmpty(errors, string.Join("\n", errors.Take(5)));
    }

    [TestMethod]
    public void ParquetReadsBackWithDuckDbTypes()
    {
        var path = Path.Combine(Folder, "it's.parquet");
        var result = _exporter.ExportToFile(ExportFormat.Parquet, ExportFilter.All, path);

        using var connection = Store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name_zh, period, point, lo95, hi80, smape, typeof(period) FROM read_parquet({Monitor.Core.Store.SqlIdentifier.Literal(path)}) WHERE series_id = 'prov:gdp:44' AND step = 2";
        using var reader = command.ExecuteReader();
        Assert.IsTrue(reader.Read());

        Assert.AreEqual(9L, result.Rows);
        Assert.AreEqual(3L, result.Series);
        Assert.AreEqual("广东省地区生产总值", reader.GetString(0));
        Assert.AreEqual(new DateTime(2025, 4, 1), reader.GetDateTime(1));
        Assert.AreEqual(2002.0, reader.GetDouble(2));
        Assert.AreEqual(2000.0, reader.GetDouble(3));
        Assert.AreEqual(2003.0, reader.GetDouble(4));
        Assert.AreEqual(3.25, reader.GetDouble(5));
        Assert.AreEqual("DATE", reader.GetString(6));
    }

    [TestMethod]
    public void JsonGroupsStepsUnderEachSeries()
    {
        var path = Path.Combine(Folder, "f.json");
        _exporter.ExportToFile(ExportFormat.Json, ExportFilter.All, path);

        using var json = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8));
        var series = json.RootElement.GetProperty("series").EnumerateArray().ToList();
        var industry = series.Single(s => s.GetProperty("series_id").GetString() == "ind:out:C26");
        var steps = industry.GetProperty("steps").EnumerateArray().ToList();

        Assert.AreEqual(3, series.Count);
        Assert.AreEqual(9, json.RootElement.GetProperty("rows").GetInt32());
        Assert.AreEqual("-化学原料", industry.GetProperty("name_zh").GetString(), "JSON is data, not a spreadsheet: no formula guard");
        Assert.AreEqual(JsonValueKind.Null, industry.GetProperty("smape").ValueKind, "no accuracy row: null, not zero");
        Assert.AreEqual("too short for ets", industry.GetProperty("fallback_reason").GetString());
        Assert.AreEqual(3, steps.Count);
        Assert.AreEqual(-7.0, steps[1].GetProperty("point").GetDouble());
        Assert.AreEqual(-9.0, steps[1].GetProperty("lo95").GetDouble());
        Assert.AreEqual("2025-02-01", steps[1].GetProperty("period").GetString());
    }

    [TestMethod]
    public void ExistingFileIsKeptWhenTheExportFails()
    {
        var path = Path.Combine(Folder, "keep.csv");
        File.WriteAllText(path, "earlier export");

        Assert.ThrowsExactly<ArgumentException>(() => _exporter.ExportToFile(ExportFormat.Csv, new ExportFilter { Domains = ["nonsense"] }, path));

        Assert.AreEqual("earlier export", File.ReadAllText(path));
        Assert.AreEqual(1, Directory.GetFiles(Folder).Length, "no partial file is left behind");
    }
}
