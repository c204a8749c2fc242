using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Store;

namespace Monitor.Ingest.Tests.Vintage;

[TestClass]
public sealed class VintageWriterTests
{
    private const string Header = "series_code,series_name,domain,region_code,industry_code,frequency,period,value,unit\n";

    [TestMethod]
    public void RevisionClosesTheOldValueAndAsOfStillSeesIt()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        using var h = new IngestHarness(onDisk: true, clock);
        var first = h.Ingest(h.Write("v1/observations.csv", Header + "GDP,Gross domestic product,macro,,,Q,2024-01-01,100,bn\nGDP,Gross domestic product,macro,,,Q,2024-04-01,103,bn\n"));
        var between = Between(clock);
        var second = h.Ingest(h.Write("v2/observations.csv", Header + "GDP,Gross domestic product,macro,,,Q,2024-01-01,101,bn\nGDP,Gross domestic product,macro,,,Q,2024-04-01,103,bn\nGDP,Gross domestic product,macro,,,Q,2024-07-01,104,bn\n"));

        Assert.AreEqual((2L, 0L, 0L), (first.RowsNew, first.RowsRevised, first.RowsUnchanged));
        Assert.AreEqual((1L, 1L, 1L), (second.RowsNew, second.RowsRevised, second.RowsUnchanged));
        var reader = new SeriesReader(h.Store);
        CollectionAssert.AreEqual(new[] { 100.0, 103.0 }, reader.History("t:GDP", between).Select(o => o.Value).ToArray());
        CollectionAssert.AreEqual(new[] { 101.0, 103.0, 104.0 }, reader.History("t:GDP").Select(o => o.Value).ToArray());
        Assert.AreEqual(4L, h.Count("SELECT count(*) FROM observations"));
    }

    [TestMethod]
    public void ValueMissingFromANewerFileIsKept()
    {
        using var h = new IngestHarness();
        h.Ingest(h.Write("v1/observations.csv", Header + "X,x,macro,,,M,2024-01-01,1,\nX,x,macro,,,M,2024-02-01,2,\n"));
        var second = h.Ingest(h.Write("v2/observations.csv", Header + "X,x,macro,,,M,2024-02-01,2,\n"));

        Assert.AreEqual(1L, second.RowsUnchanged);
        Assert.AreEqual(2L, h.Count("SELECT count(*) FROM current_observations WHERE series_id = 't:X'"));
    }

    [TestMethod]
    public void IdenticalFileIsSkippedAndAddsNoVintage()
    {
        using var h = new IngestHarness();
        var path = h.Write("v1/observations.csv", Header + "X,x,macro,,,M,2024-01-01,1,\n");
        h.Ingest(path);
        var again = h.Ingest(path);

        Assert.AreEqual("skipped", again.Status);
        Assert.AreEqual(1L, h.Count("SELECT count(*) FROM observations"));
        Assert.AreEqual(1L, h.Count("SELECT count(*) FROM ingest_runs WHERE status = 'skipped'"));
    }

    [TestMethod]
    public void SameContentInAnotherFileCountsUnchanged()
    {
        using var h = new IngestHarness();
        h.Ingest(h.Write("a/observations.csv", Header + "X,x,macro,,,M,2024-01-01,1.0,\n"));
        var again = h.Ingest(h.Write("b/observations.csv", Header + "X,x,macro,,,M,2024-01-01,1,\n"));

        Assert.AreEqual(("succeeded", 0L, 0L, 1L), (again.Status, again.RowsNew, again.RowsRevised, again.RowsUnchanged));
        Assert.AreEqual(1L, h.Count("SELECT count(*) FROM observations"));
    }

    [TestMethod]
    public void RunIsRecordedWithHashAndCounts()
    {
        using var h = new IngestHarness();
        var result = h.Ingest(h.Write("a/observations.csv", Header + "X,x,macro,,,M,2024-01-01,1,\nX,x,macro,,,M,2024-02-01,2,\n"));

        Assert.AreEqual(2L, h.Count($"SELECT rows_new FROM ingest_runs WHERE run_id = {result.RunId} AND status = 'succeeded' AND length(file_hash) = 64"));
    }

    [TestMethod]
    public void SeriesChangingFrequencyAgainstTheStoreIsRejected()
    {
        using var h = new IngestHarness();
        h.Ingest(h.Write("v1/observations.csv", Header + "X,x,macro,,,M,2024-01-01,1,\n"));
        var second = h.Ingest(h.Write("v2/observations.csv", Header + "X,x,macro,,,Q,2024-04-01,1,\n"));

        Assert.AreEqual("failed", second.Status);
        StringAssert.Contains(second.Problems[0].ToString(), "observations.csv:2: frequency: series t:X is M in the store, Q here");
        Assert.AreEqual(1L, h.Count("SELECT count(*) FROM observations"));
    }

    [TestMethod]
    public void AsOfMacroAnswersWhatWasKnownThen()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        using var h = new IngestHarness(onDisk: true, clock);
        h.Ingest(h.Write("v1/observations.csv", Header + "X,x,macro,,,M,2024-01-01,1,\n"));
        var between = Between(clock);
        h.Ingest(h.Write("v2/observations.csv", Header + "X,x,macro,,,M,2024-01-01,2,\n"));

        var then = h.Scalar($"SELECT value FROM observations_as_of(TIMESTAMP '{between:yyyy-MM-dd HH:mm:ss.ffffff}') WHERE series_id = 't:X'");
        var now = h.Scalar("SELECT value FROM current_observations WHERE series_id = 't:X'");

        Assert.AreEqual(1.0, then);
        Assert.AreEqual(2.0, now);
    }

    /// <summary>An instant after the first ingest's vintage and before the second's: the clock moves on an hour.</summary>
    private static DateTime Between(FakeTimeProvider clock)
    {
        var between = clock.GetUtcNow().UtcDateTime.AddMinutes(30);
        clock.Advance(TimeSpan.FromHours(1));
        return between;
    }
}
