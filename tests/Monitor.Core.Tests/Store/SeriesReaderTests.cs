using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Testing;
using static Monitor.Testing.StoreSql;

namespace Monitor.Core.Tests.Store;

[TestClass]
public sealed class SeriesReaderTests
{
    [TestMethod]
    public void AsOfQueryReturnsWhatWasKnownThen()
    {
        using var test = TestStore.InMemory();
        using (var connection = test.Store.Open())
        {
            Execute(connection, "INSERT INTO series (series_id, dataset, code, name, domain, frequency) VALUES ('d:GDP', 'd', 'GDP', 'GDP', 'macro', 'Q')");
            Execute(connection, """
                INSERT INTO observations VALUES
                ('d:GDP', DATE '2024-01-01', 100, TIMESTAMP '2024-04-15', TIMESTAMP '2024-07-15', 1),
                ('d:GDP', DATE '2024-01-01', 101, TIMESTAMP '2024-07-15', NULL, 2),
                ('d:GDP', DATE '2024-04-01', 103, TIMESTAMP '2024-07-15', NULL, 2)
                """);
        }
        var reader = new SeriesReader(test.Store);

        var then = reader.History("d:GDP", new DateTime(2024, 5, 1));
        var now = reader.History("d:GDP");

        CollectionAssert.AreEqual(new[] { 100.0 }, then.Select(o => o.Value).ToArray());
        CollectionAssert.AreEqual(new[] { 101.0, 103.0 }, now.Select(o => o.Value).ToArray());
        Assert.AreEqual("GDP", reader.Find("d:GDP")!.Name);
    }

    [TestMethod]
    public void SchemaIsAppliedOnceAcrossReopens()
    {
        using var test = TestStore.OnDisk();
        var path = test.Store.DatabasePath;
        test.Store.Dispose();

        using var reopened = new MonitorStore(new StoreOptions { Path = path });
        using var connection = reopened.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM schema_migrations WHERE module = 'core'";
        Assert.AreEqual((long)CoreSchema.Scripts.Count(), Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestMethod]
    public void CoreScriptVersionsAreUnique()
    {
        var versions = CoreSchema.Scripts.Select(s => s.Version).ToList();
        Assert.AreEqual(versions.Count, versions.Distinct().Count(), "two core scripts with one number: the migrator would run only one of them");
    }

    [TestMethod]
    public void InMemoryStoresAreSharedByTheirConnectionsButNotWithEachOtherAndWriteNoFile()
    {
        var filesBefore = Directory.GetFiles(Directory.GetCurrentDirectory()).Length;
        using var first = TestStore.InMemory();
        using var second = TestStore.InMemory();
        using (var connection = first.Store.Open())
            Execute(connection, "INSERT INTO series (series_id, dataset, code, name, domain, frequency) VALUES ('d:X', 'd', 'X', 'X', 'macro', 'M')");

        Assert.IsNotNull(new SeriesReader(first.Store).Find("d:X"), "another connection of the same store sees the row");
        Assert.IsNull(new SeriesReader(second.Store).Find("d:X"), "a second in-memory store is a separate database");
        Assert.AreEqual(filesBefore, Directory.GetFiles(Directory.GetCurrentDirectory()).Length, "nothing is written to disk");
    }
}
