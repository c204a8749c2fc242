using Monitor.Testing;

namespace Monitor.Ingest.Tests.Readers;

/// <summary>The project's own data-samples go through the same long-layout path as the shared datasets.</summary>
[TestClass]
public sealed class SampleDatasetTests
{
    [TestMethod]
    public void BothReleasesLoadAsVintagesWithChineseNamesAndCounterCyclicalFlags()
    {
        using var h = new IngestHarness();
        var first = h.Ingest(Path.Combine(RepoPaths.DataSamples, "china_sample"), "samples", "china_sample");
        var revision = h.Ingest(Path.Combine(RepoPaths.DataSamples, "china_sample_revision"), "samples-revision", "china_sample");

        Assert.AreEqual(148, h.Count("SELECT count(*) FROM series"));
        Assert.AreEqual(0L, first.RowsRejected);
        Assert.IsGreaterThan(0L, revision.RowsRevised, "the second release revises earlier months");
        Assert.AreEqual("全国城镇调查失业率", h.Scalar("SELECT name_zh FROM series WHERE series_id = 'china_sample:UNEMP'"));
        Assert.AreEqual(true, h.Scalar("SELECT counter_cyclical FROM series WHERE series_id = 'china_sample:UNEMP'"));
        Assert.AreEqual(false, h.Scalar("SELECT counter_cyclical FROM series WHERE series_id = 'china_sample:CPI_YOY'"));
        Assert.AreEqual(3L, h.Count("SELECT count(*) FROM observations WHERE series_id = 'china_sample:EXPORTS' AND known_to IS NOT NULL"));
    }
}
