using Monitor.Testing;

namespace Monitor.Ingest.Tests.Readers;

/// <summary>Every tidy dataset of ../shared/datasets ingests whole, with the row and series counts of its README.</summary>
[TestClass]
public sealed class SharedDatasetTests
{
    [TestMethod]
    [DataRow("fred_md", 99857L, 126L)]
    [DataRow("fred_qd", 63055L, 245L)]
    [DataRow("china_macro_monthly", 16564L, 109L)]
    [DataRow("china_nbs_quarterly_gdp", 1152L, 64L)]
    [DataRow("china_provincial_annual", 2542L, 155L)]
    [DataRow("us_state_indicators", 21522L, 102L)]
    [DataRow("business_cycles", 2721L, 2L)]
    public void TidyDatasetIngestsWithItsReadmeCounts(string dataset, long rows, long series)
    {
        var folder = RepoPaths.Dataset(dataset);
        using var h = new IngestHarness();

        var result = h.Ingest(folder, source: dataset, dataset: null);

        Assert.AreEqual("succeeded", result.Status, string.Join("\n", result.Problems));
        Assert.AreEqual((rows, rows, (int)series), (result.RowsRead, result.RowsNew, result.SeriesCount));
        Assert.AreEqual(rows, h.Count($"SELECT count(*) FROM current_observations WHERE dataset = '{dataset}'"));
        Assert.AreEqual(series, h.Count($"SELECT count(*) FROM series_catalog WHERE dataset = '{dataset}'"));
    }

    [TestMethod]
    public void SeriesCsvAddsChineseNamesTransformCodesAndCountry()
    {
        var folder = RepoPaths.Dataset("china_macro_monthly");
        var fred = RepoPaths.Dataset("fred_md");
        using var h = new IngestHarness();
        h.Ingest(folder, source: "cn", dataset: null);
        h.Ingest(fred, source: "md", dataset: null);

        Assert.AreEqual("居民消费价格指数-全国-当月", h.Scalar("SELECT name_zh FROM series WHERE series_id = 'china_macro_monthly:CN_CPI_IDX'"));
        Assert.AreEqual("CN", h.Scalar("SELECT country FROM series WHERE series_id = 'china_macro_monthly:CN_CPI_IDX'"));
        Assert.AreEqual("5", h.Scalar("SELECT transform FROM series WHERE series_id = 'fred_md:INDPRO'"));
        Assert.AreEqual("Moody's Seasoned Aaa Corporate Bond Yield", h.Scalar("SELECT name FROM series_catalog WHERE series_id = 'fred_md:AAA'"));
    }
}
