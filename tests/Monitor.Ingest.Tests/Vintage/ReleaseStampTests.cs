using Monitor.Core.RealTime;

namespace Monitor.Ingest.Tests.Vintage;

[TestClass]
public sealed class ReleaseStampTests
{
    private const string Header = "series_code,series_name,domain,region_code,industry_code,frequency,period,value,unit\n";

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [TestMethod]
    public void FirstLoadOfHistoryIsStampedWithReleaseDatesAndLaterLoadsWithTheirTime()
    {
        var clock = new FixedClock(new DateTimeOffset(2024, 4, 20, 12, 0, 0, TimeSpan.Zero));
        using var h = new IngestHarness(clock: clock);
        h.Ingest(h.Write("v1/observations.csv", Header +
            "PAYEMS,payrolls,macro,,,M,2024-01-01,1,\nPAYEMS,payrolls,macro,,,M,2024-02-01,2,\nPAYEMS,payrolls,macro,,,M,2024-03-01,3,\n" +
            "GS10,10y,macro,,,M,2024-03-01,4.2,\n"), dataset: "fred_md");
        clock.Now = new DateTimeOffset(2024, 5, 3, 9, 0, 0, TimeSpan.Zero);
        h.Ingest(h.Write("v2/observations.csv", Header +
            "PAYEMS,payrolls,macro,,,M,2024-03-01,3.5,\nPAYEMS,payrolls,macro,,,M,2024-04-01,4,\nGS10,10y,macro,,,M,2024-03-01,4.2,\n"), dataset: "fred_md");

        Assert.AreEqual(1L, h.Count("SELECT count(*) FROM observations WHERE series_id = 'fred_md:PAYEMS' AND period = DATE '2024-01-01' AND known_from = TIMESTAMP '2024-02-29'"), "January: end of February");
        Assert.AreEqual(1L, h.Count("SELECT count(*) FROM observations WHERE series_id = 'fred_md:GS10' AND known_from = TIMESTAMP '2024-03-31'"), "rates: the month's end");
        Assert.AreEqual(1L, h.Count("SELECT count(*) FROM observations WHERE period = DATE '2024-03-01' AND value = 3 AND known_from = TIMESTAMP '2024-04-20 12:00:00'"), "a release after the load is known from the load");
        Assert.AreEqual(2L, h.Count("SELECT count(*) FROM observations WHERE known_from = TIMESTAMP '2024-05-03 09:00:00'"), "second load: its own time for the revision and the new month");
        using var connection = h.Store.Open();
        var known = AsOf.Known(connection, "fred_md:PAYEMS", AsOf.At(new DateOnly(2024, 3, 1)));
        CollectionAssert.AreEqual(new[] { 1.0 }, known.Select(o => o.Value).ToArray(), "on 1 March only January was out");
    }
}
