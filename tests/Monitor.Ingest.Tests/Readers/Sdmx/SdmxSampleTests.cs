using Monitor.Testing;

namespace Monitor.Ingest.Tests.Readers.Sdmx;

/// <summary>Every real SDMX message in the shared sdmx_samples loads without a mapping, with the README's count of numeric observations.</summary>
[TestClass]
public sealed class SdmxSampleTests
{
    [TestMethod]
    [DataRow("ECB_EXR/1/M.USD.EUR.SP00.A.xml", 252)]
    [DataRow("ECB_EXR/ng-ts.xml", 12)]
    [DataRow("ECB_EXR/ng-flat.xml", 12)]
    [DataRow("ECB_EXR/ng-xs.xml", 12)]
    [DataRow("ECB_EXR/sg-ts.xml", 12)]
    [DataRow("ECB_EXR/sg-flat.xml", 12)]
    [DataRow("ECB_EXR/rg-ts.xml", 12)]
    [DataRow("ECB_EXR/ts.json", 4)]
    [DataRow("ECB_EXR/flat.json", 4)]
    [DataRow("ECB_EXR/xs.json", 4)]
    [DataRow("ECB_EXR/action-delete.json", 2)]
    [DataRow("v3/json/data/exr-time-series.json", 4)]
    [DataRow("v3/json/data/exr-flat.json", 4)]
    [DataRow("v3/csv/example-01.csv", 2)]
    [DataRow("v3/csv/example-02.csv", 4)]
    [DataRow("v3/csv/example-04.csv", 2)]
    [DataRow("v3/csv/example-05.csv", 2)]
    public void Sample_loads_with_its_count_of_numeric_observations(string file, int observations)
    {
        var path = RepoPaths.Dataset("sdmx_samples/" + file);
        using var h = new IngestHarness();

        var result = h.Ingest(path);

        Assert.AreEqual("succeeded", result.Status, string.Join("\n", result.Problems));
        Assert.AreEqual(observations, result.RowsNew, result.Summary());
        Assert.AreEqual(observations, h.Count("SELECT count(*) FROM observations"));
    }

    [TestMethod]
    public void Time_series_flat_and_cross_section_layouts_of_one_flow_key_the_same_series()
    {
        using var h = new IngestHarness();
        var ids = new[] { "ng-ts.xml", "ng-flat.xml", "ng-xs.xml" }.Select(f =>
        {
            h.Ingest(RepoPaths.Dataset("sdmx_samples/ECB_EXR/" + f), source: f);
            return h.Count("SELECT count(*) FROM series");
        }).ToList();

        CollectionAssert.AreEqual(new long[] { 4, 4, 4 }, ids, "the flat and cross-section files land on the time-series file's four series");
        Assert.AreEqual(12L, h.Count("SELECT count(*) FROM observations WHERE known_to IS NULL"));
    }

    [TestMethod]
    public void Series_code_frequency_names_and_attributes_come_from_the_message()
    {
        using var h = new IngestHarness();

        h.Ingest(RepoPaths.Dataset("sdmx_samples/ECB_EXR/1/M.USD.EUR.SP00.A.xml"));

        Assert.AreEqual("M", h.Scalar("SELECT frequency FROM series WHERE series_id = 't:ECB_EXR1.M.USD.EUR.SP00.A'"));
        Assert.AreEqual("US dollar/Euro", h.Scalar("SELECT name FROM series WHERE series_id = 't:ECB_EXR1.M.USD.EUR.SP00.A'"));
        Assert.AreEqual("USD", h.Scalar("SELECT unit FROM series"));
        Assert.AreEqual("4", h.Scalar("SELECT value FROM series_attributes WHERE name = 'DECIMALS'"));
        Assert.AreEqual(1.16078, h.Scalar("SELECT value FROM observations WHERE period = DATE '1999-01-01'"));
    }

    [TestMethod]
    public void A_structure_message_beside_the_data_supplies_code_names()
    {
        using var h = new IngestHarness();
        var data = Path.Combine(h.Folder, "data.json");
        File.Copy(RepoPaths.Dataset("sdmx_samples/ECB_EXR/ts.json"), data);

        h.Ingest(data);

        Assert.AreEqual("New Zealand dollar (NZD)", h.Scalar("SELECT name FROM series WHERE code LIKE '%NZD%'"), "TITLE attribute");
        Assert.AreEqual("D", h.Scalar("SELECT DISTINCT frequency FROM series"));
    }
}
