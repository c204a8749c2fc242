using Monitor.Ingest.Tests.Workbooks;
using Monitor.Testing.Workbooks;

namespace Monitor.Ingest.Tests.Readers.Excel;

/// <summary>Bulletin workbooks in each layout, generated here, round-trip into the store; bad cells name their sheet!cell.</summary>
[TestClass]
public sealed class ExcelReaderTests
{
    private const string IndicatorsMapping = """
        {
          "layout": "indicators-down",
          "indicators": { "工业增加值": "IVA", "其中：制造业": "IVA_MFG", "出口交货值": "EXPORT_DELIVERY" },
          "columns": { "本月": "", "1-本月累计": "_YTD", "同比增长(%)": "_YOY" },
          "region": "CN-GD"
        }
        """;

    [TestMethod]
    public void Indicators_down_bulletin_with_title_unit_merged_header_and_notes_round_trips()
    {
        using var h = new IngestHarness();
        var path = Bulletin(h, "monthly.xlsx", "2025年9月", "1,234.5", 12.3);
        h.Write("monthly.mapping.json", IndicatorsMapping);

        var result = h.Ingest(path);

        Assert.AreEqual("succeeded", result.Status, string.Join("\n", result.Problems));
        Assert.AreEqual(1234.5, h.Scalar("SELECT value FROM observations WHERE series_id = 't:IVA:CN-GD' AND period = DATE '2025-09-01'"));
        Assert.AreEqual(12.3, h.Scalar("SELECT value FROM observations WHERE series_id = 't:IVA_YOY:CN-GD'"), "footnote mark removed");
        Assert.AreEqual(32100.0, h.Scalar("SELECT value FROM observations WHERE series_id = 't:IVA_MFG_YTD:CN-GD'"), "full-width digits");
        Assert.AreEqual(0L, h.Count("SELECT count(*) FROM observations WHERE series_id = 't:EXPORT_DELIVERY_YOY:CN-GD'"), "— is missing, not zero");
        Assert.AreEqual("亿元", h.Scalar("SELECT unit FROM series WHERE series_id = 't:IVA:CN-GD'"));
        Assert.AreEqual(7L, h.Count("SELECT count(*) FROM observations"), "3 + 3 + 1: empty and — cells store nothing");
    }

    [TestMethod]
    public void A_bad_number_is_reported_at_its_sheet_and_cell_and_the_store_is_unchanged()
    {
        using var h = new IngestHarness();
        h.Write("monthly.mapping.json", IndicatorsMapping);
        Assert.AreEqual("succeeded", h.Ingest(Bulletin(h, "monthly.xlsx", "2025年9月", "1,234.5", 12.3)).Status);
        var before = h.DataFingerprint();

        var result = h.Ingest(Bulletin(h, "monthly.xlsx", "2025年10月", "12,3.4", 12.3));

        Assert.AreEqual("failed", result.Status);
        StringAssert.EndsWith(result.Problems[0].ToString(), "monthly.xlsx: 2025年10月!B5: '12,3.4' is not a number");
        Assert.AreEqual(before, h.DataFingerprint());
    }

    [TestMethod]
    public void An_unmapped_row_label_is_an_error_unless_the_mapping_skips_it()
    {
        using var h = new IngestHarness();
        var path = Bulletin(h, "monthly.xlsx", "2025年9月", 10.0, 1.0);
        h.Write("monthly.mapping.json", """{ "indicators": { "工业增加值": "IVA" }, "columns": { "本月": "" } }""");

        var rejected = h.Ingest(path);
        h.Write("monthly.mapping.json", """{ "indicators": { "工业增加值": "IVA" }, "columns": { "本月": "" }, "unmapped": "skip" }""");
        var loaded = h.Ingest(path);

        StringAssert.EndsWith(rejected.Problems[0].ToString(), "monthly.xlsx: 2025年9月!A6: row label '其中：制造业' has no code in the mapping (add it to indicators, or set unmapped to skip)");
        Assert.AreEqual(("succeeded", 1L), (loaded.Status, loaded.RowsNew));
    }

    [TestMethod]
    public void One_sheet_per_month_takes_each_period_from_its_sheet()
    {
        using var h = new IngestHarness();
        var path = new XlsxBuilder()
            .Sheet("2025.08", ["指标", "本月"], ["工业增加值", 10.0])
            .Sheet("2025.09", ["指标", "本月"], ["工业增加值", 11.0])
            .Save(Path.Combine(h.Folder, "months.xlsx"));
        h.Write("months.mapping.json", """{ "indicators": { "工业增加值": "IVA" } }""");

        var result = h.Ingest(path);

        Assert.AreEqual(("succeeded", 2L), (result.Status, result.RowsNew), string.Join("\n", result.Problems));
        Assert.AreEqual(11.0, h.Scalar("SELECT value FROM observations WHERE series_id = 't:IVA' AND period = DATE '2025-09-01'"));
    }

    [TestMethod]
    public void Regions_down_with_indicators_across_maps_provinces_and_named_cities()
    {
        using var h = new IngestHarness();
        var path = new XlsxBuilder()
            .Sheet("分地区", ["2025年1-9月分地区主要指标"], ["单位：亿元"], ["地区", "地区生产总值", "社会消费品零售总额"],
                ["全国", 1000.0, 500.0], ["广东省", 100.0, "50.5"], ["广州市", 30.0, "…"])
            .Save(Path.Combine(h.Folder, "regions.xlsx"));
        h.Write("regions.mapping.json", """
            { "layout": "regions-down", "columns": { "地区生产总值": "GDP", "社会消费品零售总额": "RETAIL" }, "regions": { "广州市": "CN-GD-GZ" }, "multiplier": 10000, "unit": "万元" }
            """);

        var result = h.Ingest(path);

        Assert.AreEqual(("succeeded", 5L), (result.Status, result.RowsNew), string.Join("\n", result.Problems));
        Assert.AreEqual(505000.0, h.Scalar("SELECT value FROM observations WHERE series_id = 't:RETAIL:CN-GD' AND period = DATE '2025-09-01'"));
        Assert.AreEqual(300000.0, h.Scalar("SELECT value FROM observations WHERE series_id = 't:GDP:CN-GD-GZ'"));
        Assert.AreEqual(1L, h.Count("SELECT count(*) FROM observations WHERE series_id = 't:GDP'"), "全国 is the national series");
        Assert.AreEqual("regional", h.Scalar("SELECT domain FROM series WHERE series_id = 't:GDP:CN-GD'"));
    }

    [TestMethod]
    public void Periods_across_without_a_mapping_is_detected()
    {
        using var h = new IngestHarness();
        var path = new XlsxBuilder()
            .Sheet("Sheet1", ["指标", "2025年7月", "2025年8月", "2025年9月"], ["CPI", 100.2, 100.4, "99.9"], ["PPI", 97.0, 97.1, ""])
            .Save(Path.Combine(h.Folder, "across.xlsx"));

        var result = h.Ingest(path);

        Assert.AreEqual(("succeeded", 5L), (result.Status, result.RowsNew), string.Join("\n", result.Problems));
        Assert.AreEqual(99.9, h.Scalar("SELECT value FROM observations WHERE series_id = 't:CPI' AND period = DATE '2025-09-01'"));
    }

    [TestMethod]
    public void Ten_day_prices_across_load_as_a_ten_day_series()
    {
        using var h = new IngestHarness();
        var path = new XlsxBuilder()
            .Sheet("旬价格", ["流通领域重要生产资料市场价格"], ["单位：元/吨"], ["产品名称", "2025年9月上旬", "2025年9月中旬", "2025年9月下旬"], ["螺纹钢", 3200.5, 3190.0, "3,180.2"])
            .Save(Path.Combine(h.Folder, "prices.xlsx"));

        var result = h.Ingest(path);

        Assert.AreEqual(("succeeded", 3L), (result.Status, result.RowsNew), string.Join("\n", result.Problems));
        Assert.AreEqual("T", h.Scalar("SELECT frequency FROM series WHERE series_id = 't:螺纹钢'"));
        Assert.AreEqual(3180.2, h.Scalar("SELECT value FROM observations WHERE series_id = 't:螺纹钢' AND period = DATE '2025-09-21'"));
        Assert.AreEqual("元/吨", h.Scalar("SELECT unit FROM series WHERE series_id = 't:螺纹钢'"));
    }

    [TestMethod]
    public void Periods_down_with_date_cells_is_detected_and_spaced_to_its_frequency()
    {
        using var h = new IngestHarness();
        var path = new XlsxBuilder()
            .Sheet("data", ["date", "rate", "index"], [new DateTime(2025, 1, 31), 1.5, 100.0], [new DateTime(2025, 2, 28), 1.6, 101.0], [new DateTime(2025, 3, 31), 1.7, 102.0])
            .Save(Path.Combine(h.Folder, "simple.xlsx"));

        var result = h.Ingest(path);

        Assert.AreEqual(("succeeded", 6L), (result.Status, result.RowsNew), string.Join("\n", result.Problems));
        Assert.AreEqual("M", h.Scalar("SELECT frequency FROM series WHERE series_id = 't:rate'"));
        Assert.AreEqual(1.6, h.Scalar("SELECT value FROM observations WHERE series_id = 't:rate' AND period = DATE '2025-02-01'"));
    }

    [TestMethod]
    public void Committed_xls_bulletin_loads_with_the_same_mapping()
    {
        using var h = new IngestHarness();
        var path = Path.Combine(h.Folder, "bulletin.xls");
        File.Copy(WorkbookReaderTests.Fixture("bulletin.xls"), path);
        h.Write("bulletin.mapping.json", IndicatorsMapping.Replace("\"region\": \"CN-GD\"", "\"sheets\": [\"2025年*\"]", StringComparison.Ordinal));

        var result = h.Ingest(path);

        Assert.AreEqual("succeeded", result.Status, string.Join("\n", result.Problems));
        Assert.AreEqual(5234.5, h.Scalar("SELECT value FROM observations WHERE series_id = 't:IVA' AND period = DATE '2025-09-01'"));
        Assert.AreEqual(3.0, h.Scalar("SELECT value FROM observations WHERE series_id = 't:IVA_MFG_YOY' AND period = DATE '2025-08-01'"));
        Assert.AreEqual(14L, h.Count("SELECT count(*) FROM observations"));
    }

    [TestMethod]
    public void A_sheet_without_a_recognisable_table_and_no_mapping_is_rejected_by_place()
    {
        using var h = new IngestHarness();
        var path = new XlsxBuilder().Sheet("说明", ["本表说明"], ["见附注"]).Save(Path.Combine(h.Folder, "notes.xlsx"));

        var result = h.Ingest(path);

        Assert.AreEqual("failed", result.Status);
        StringAssert.Contains(result.Problems[0].ToString(), "notes.xlsx: 说明!A1: no table recognised without a mapping");
    }

    // A provincial monthly bulletin: title, unit line, two merged header rows, three indicators, a notes line.
    private static string Bulletin(IngestHarness h, string name, string month, object iva, object ivaYoy) =>
        new XlsxBuilder()
            .Sheet(month,
                [$"{month}规模以上工业生产主要数据"],
                ["单位：亿元"],
                ["指标", "绝对量", null, "同比增长(%)"],
                [null, "本月", "1-本月累计", null],
                ["工业增加值", iva, 45678.9, ivaYoy is double d ? $"{d}①" : ivaYoy],
                ["  其中：制造业", 1000.0, "３２,１００.０", "3.1*"],
                ["出口交货值", 1020.0, null, "—"],
                [],
                ["注：1. 本表为规模以上工业企业数据。①按可比价格计算。"])
            .Merge("A1:D1").Merge("A3:A4").Merge("B3:C3").Merge("D3:D4")
            .Save(Path.Combine(h.Folder, name));
}
