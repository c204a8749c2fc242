using Monitor.Ingest.Sources;

namespace Monitor.Ingest.Tests.Vintage;

/// <summary>A quarantining source loads the good rows and keeps the bad ones, with their reasons, in ingest_quarantine.</summary>
[TestClass]
public sealed class QuarantineTests
{
    private const string Header = "series_code,series_name,domain,region_code,industry_code,frequency,period,value,unit\n";

    [TestMethod]
    public void BadRowsAreKeptWithTheirReasonAndTheRestLoads()
    {
        using var h = new IngestHarness();
        var path = h.Write("q/observations.csv", Header +
            "X,x,macro,,,M,2024-01-01,1,\n" +
            "X,x,macro,,,M,2024-02-01,oops,\n" +
            "X,x,macro,,,M,2024-03-01,3,\n" +
            "Y,y,macro,,,M,2024-01-01,1,\n" +
            "Y,y,macro,,,M,2024-01-01,2,\n");

        var result = h.Ingestor.Ingest(new FileIngestor.Request("q", path, "t", "long", Quarantine: true));

        Assert.AreEqual(("succeeded", 2L, 2L), (result.Status, result.RowsNew, result.RowsRejected), string.Join("\n", result.Problems));
        Assert.AreEqual(0L, h.Count("SELECT count(*) FROM observations WHERE series_id = 't:Y'"), "both rows of a duplicated key stay out");
        Assert.AreEqual(2L, h.Count($"SELECT count(*) FROM ingest_quarantine WHERE run_id = {result.RunId}"));
        Assert.AreEqual("'oops' is not a number", h.Scalar("SELECT reason FROM ingest_quarantine WHERE line = 3"));
    }

    [TestMethod]
    public void AnUnreadableFileIsStillRejectedWhole()
    {
        using var h = new IngestHarness();
        var path = h.Write("q/observations.csv", "series_code,series_name\nX,x\n");

        var result = h.Ingestor.Ingest(new FileIngestor.Request("q", path, "t", "long", Quarantine: true));

        Assert.AreEqual("failed", result.Status);
        Assert.AreEqual(0L, h.Count("SELECT count(*) FROM ingest_quarantine"));
    }
}
