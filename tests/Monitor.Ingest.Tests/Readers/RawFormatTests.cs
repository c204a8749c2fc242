using Monitor.Testing;

namespace Monitor.Ingest.Tests.Readers;

/// <summary>The publishers' own files (raw/ folders) read by format detection, checked against hand-read cells.</summary>
[TestClass]
public sealed class RawFormatTests
{
    [TestMethod]
    public void FredMdWideFileGivesTheSameRowsAsTheTidyLayout()
    {
        var file = RepoPaths.Dataset("fred_md/raw/FRED-MD.csv");
        using var h = new IngestHarness();

        var result = h.Ingest(file, dataset: null);

        Assert.AreEqual((99857L, 126), (result.RowsNew, result.SeriesCount), string.Join("\n", result.Problems));
        Assert.AreEqual("5", h.Scalar("SELECT transform FROM series WHERE series_id = 'fred_md:INDPRO'"));
        Assert.AreEqual(2583.56, h.Scalar("SELECT value FROM observations WHERE series_id = 'fred_md:RPI' AND period = DATE '1959-01-01'"));
    }

    [TestMethod]
    public void FredQdQuartersDatedByLastMonthMoveToTheQuarterStart()
    {
        var file = RepoPaths.Dataset("fred_qd/raw/FRED-QD.csv");
        using var h = new IngestHarness();

        var result = h.Ingest(file, dataset: null);

        Assert.AreEqual((63055L, 245), (result.RowsNew, result.SeriesCount), string.Join("\n", result.Problems));
        Assert.AreEqual(3352.129, h.Scalar("SELECT value FROM observations WHERE series_id = 'fred_qd:GDPC1' AND period = DATE '1959-01-01'"));
        Assert.AreEqual("Q", h.Scalar("SELECT frequency FROM series WHERE series_id = 'fred_qd:GDPC1'"));
    }

    [TestMethod]
    public void UsStatePanelColumnsBecomeRegions()
    {
        var file = RepoPaths.Dataset("us_state_indicators/raw/state_unemployment.csv");
        using var h = new IngestHarness();

        var result = h.Ingest(file, dataset: null);

        Assert.AreEqual(51, result.SeriesCount, string.Join("\n", result.Problems));
        Assert.AreEqual(4.7, h.Scalar("SELECT value FROM current_observations WHERE region_code = 'US-AL' AND period = DATE '2000-01-01'"));
        Assert.AreEqual("M", h.Scalar("SELECT DISTINCT frequency FROM series"));
    }

    [TestMethod]
    public void NbsProvincialExportInGb18030ReadsDescendingYearsAndSkipsNotes()
    {
        var file = RepoPaths.Dataset("china_provincial_annual/raw/分省年度数据.csv");
        using var h = new IngestHarness();

        var result = h.Ingest(file, dataset: null);

        Assert.AreEqual((31, 589L), (result.SeriesCount, result.RowsNew), string.Join("\n", result.Problems));
        Assert.AreEqual(49670.2, h.Scalar("SELECT value FROM current_observations WHERE region_code = 'CN-BJ' AND period = DATE '2024-01-01'"));
        Assert.AreEqual(20492.4, h.Scalar("SELECT value FROM current_observations WHERE region_code = 'CN-XJ' AND period = DATE '2024-01-01'"));
        Assert.AreEqual("A", h.Scalar("SELECT DISTINCT frequency FROM series"));
    }

    [TestMethod]
    public void NbsEnglishExportWithTabCommaSeparatorsKeepsCommasInNames()
    {
        var file = RepoPaths.Dataset("china_nbs_quarterly_gdp/raw/nbs_quarterly_gdp_current_prices.csv");
        using var h = new IngestHarness();

        var result = h.Ingest(file, dataset: null);

        Assert.AreEqual((32, 576L), (result.SeriesCount, result.RowsNew), string.Join("\n", result.Problems));
        Assert.AreEqual(334192.9, h.Scalar("SELECT value FROM current_observations WHERE series_code = 'CN_GDP_Q' AND period = DATE '2026-01-01'"));
        Assert.AreEqual("Gross Domestic Product, Current Quarter (100 million yuan)", h.Scalar("SELECT name FROM series WHERE code = 'CN_GDP_Q'"));
    }

    [TestMethod]
    public void ChineseMonthLabelsAndYtdWindowsParse()
    {
        var cpi = RepoPaths.Dataset("china_macro_monthly/raw/macro_china_cpi_df.csv");
        var gdp = RepoPaths.Dataset("china_macro_monthly/raw/macro_china_gdp_df.csv");
        using var h = new IngestHarness();

        var first = h.Ingest(cpi, source: "cpi", dataset: null);
        var second = h.Ingest(gdp, source: "gdp", dataset: null);

        Assert.IsTrue(first.Succeeded && second.Succeeded, string.Join("\n", first.Problems.Concat(second.Problems)));
        Assert.AreEqual(99.7, h.Scalar("SELECT value FROM current_observations WHERE series_code = 'CN_CPI_IDX' AND period = DATE '2025-09-01'"));
        // 2024年第1-3季度 is the Jan–Sep window, dated at its last quarter (2024-07-01).
        Assert.AreEqual(975357.4, h.Scalar("SELECT value FROM current_observations WHERE series_code = '国内生产总值-绝对值' AND period = DATE '2024-07-01'"));
    }

    [TestMethod]
    public void DottedMonthLabelsAreTextNotNumbers()
    {
        var file = RepoPaths.Dataset("china_macro_monthly/raw/macro_china_society_electricity_df.csv");
        using var h = new IngestHarness();

        var result = h.Ingest(file, dataset: null);

        Assert.IsTrue(result.Succeeded, string.Join("\n", result.Problems));
        // "2004.10" is October and "2004.3" is March: read as text, 2004.10 would otherwise be January.
        Assert.AreEqual(175828690.0, h.Scalar("SELECT value FROM current_observations WHERE series_id = 'china_macro_monthly:CN_ELEC_USE_YTD' AND period = DATE '2004-10-01'"));
        Assert.AreEqual(48045510.0, h.Scalar("SELECT value FROM current_observations WHERE series_id = 'china_macro_monthly:CN_ELEC_USE_YTD' AND period = DATE '2004-03-01'"));
    }

    [TestMethod]
    public void UnemploymentPlaceholderZeroIsNotAValue()
    {
        var file = RepoPaths.Dataset("china_macro_monthly/raw/macro_china_urban_unemployment_df.csv");
        using var h = new IngestHarness();

        var result = h.Ingest(file, dataset: null);

        Assert.IsTrue(result.Succeeded, string.Join("\n", result.Problems));
        Assert.AreEqual(0L, h.Count("SELECT count(*) FROM observations WHERE value = 0"));
        Assert.AreEqual(10.5, h.Scalar("SELECT value FROM current_observations WHERE series_code = 'CN_UNEMP_16_24' AND period = DATE '2019-05-01'"));
        Assert.AreEqual(0L, h.Count("SELECT count(*) FROM current_observations WHERE series_code = 'CN_UNEMP_16_24_EXSTUDENT' AND period = DATE '2019-05-01'"));
    }

    [TestMethod]
    public void OldNbsVintageWithoutACatalogueKeepsItsChineseIndicatorName()
    {
        var file = RepoPaths.Dataset("china_provincial_annual/raw/vintage_2018/分省年度数据.csv");
        using var h = new IngestHarness();

        var result = h.Ingest(file, dataset: "cn_prov_2018");

        Assert.AreEqual((31, 775L), (result.SeriesCount, result.RowsNew), string.Join("\n", result.Problems));
        Assert.AreEqual(28014.94, h.Scalar("SELECT value FROM current_observations WHERE series_code = '地区生产总值(亿元)' AND region_code = 'CN-BJ' AND period = DATE '2017-01-01'"));
    }

    [TestMethod]
    public void Gb18030FileDeclaredUtf8IsRejectedOnItsFirstChineseLine()
    {
        var file = RepoPaths.Dataset("china_provincial_annual/raw/分省年度数据.csv");
        using var h = new IngestHarness();

        var result = h.Ingestor.Ingest(new Monitor.Ingest.Sources.FileIngestor.Request("wrong", file, "x", "nbs", Encoding: "utf-8"));

        Assert.AreEqual("failed", result.Status);
        StringAssert.Contains(result.Problems[0].ToString(), ":1: encoding: bytes that are not valid utf-8");
        Assert.AreEqual(0L, h.Count("SELECT count(*) FROM observations"));
    }
}
