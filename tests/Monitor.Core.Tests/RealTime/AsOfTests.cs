using DuckDB.NET.Data;
using Monitor.Core.Domain;
using Monitor.Core.RealTime;
using Monitor.Testing;

namespace Monitor.Core.Tests.RealTime;

[TestClass]
public sealed class AsOfTests
{
    [TestMethod]
    public void StoreReadsSeeOnlyTheVintageKnownAtTheInstant()
    {
        using var test = TestStore.InMemory();
        using var connection = test.Store.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                INSERT INTO observations VALUES
                ('d:X', DATE '2024-01-01', 1, TIMESTAMP '2024-02-29', TIMESTAMP '2024-06-01', 1),
                ('d:X', DATE '2024-01-01', 2, TIMESTAMP '2024-06-01', NULL, 2),
                ('d:X', DATE '2024-02-01', 3, TIMESTAMP '2024-03-31', NULL, 1),
                ('d:Y', DATE '2024-01-01', 9, TIMESTAMP '2024-02-15', NULL, 1)
                """;
            command.ExecuteNonQuery();
        }

        var march = AsOf.At(new DateOnly(2024, 3, 1));
        CollectionAssert.AreEqual(new[] { 1.0 }, AsOf.Known(connection, "d:X", march).Select(o => o.Value).ToArray());
        CollectionAssert.AreEqual(new[] { 1.0, 3.0 }, AsOf.Known(connection, "d:X", AsOf.At(new DateOnly(2024, 3, 31))).Select(o => o.Value).ToArray(), "a release dated D is known on D");
        CollectionAssert.AreEqual(new[] { 2.0, 3.0 }, AsOf.Known(connection, "d:X", null).Select(o => o.Value).ToArray());
        var all = AsOf.KnownAll(connection, march);
        Assert.AreEqual(2, all.Count);
        Assert.AreEqual(9.0, all["d:Y"].Single().Value);
    }

    [TestMethod]
    public void FileHistoriesAreSeenThroughTheCalendar()
    {
        var schedule = ReleaseCalendar.Defaults.For("fred_md", "PAYEMS", Frequency.Monthly);
        Observation[] history = [new(new DateOnly(2024, 1, 1), 1), new(new DateOnly(2024, 2, 1), 2), new(new DateOnly(2024, 3, 1), 3)];

        var known = AsOf.Known(history, schedule, AsOf.At(new DateOnly(2024, 3, 31)));

        CollectionAssert.AreEqual(new[] { 1.0, 2.0 }, known.Select(o => o.Value).ToArray(), "February publishes by the end of March, March not yet");
    }
}
