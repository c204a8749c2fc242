using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Testing;
using static Monitor.Testing.StoreSql;

namespace Monitor.Core.Tests.Store;

/// <summary>A store made before a core script existed opens, gets the script, and keeps its data.</summary>
[TestClass]
public sealed class UpgradeTests
{
    [TestMethod]
    public void AStoreWithTheOldDuplicateViewLosesTheViewAndKeepsItsObservations()
    {
        using var test = TestStore.OnDisk();
        var path = test.Store.DatabasePath;
        using (var connection = test.Store.Open())
        {
            // As the previous release left it: core's duplicate view, and no record of script 5 (one current view).
            Execute(connection, "CREATE VIEW observations_current AS SELECT series_id, period, value FROM observations WHERE known_to IS NULL");
            Execute(connection, "DELETE FROM schema_migrations WHERE module = 'core' AND version = 5");
            Execute(connection, "INSERT INTO series (series_id, dataset, code, name, domain, frequency) VALUES ('d:X', 'd', 'X', 'X', 'macro', 'M')");
            Execute(connection, "INSERT INTO observations VALUES ('d:X', DATE '2024-01-01', 1.5, TIMESTAMP '2024-02-01', NULL, 1)");
        }
        test.Store.Dispose();

        using var reopened = new MonitorStore(new StoreOptions { Path = path });
        using var upgraded = reopened.Open();

        Assert.AreEqual(0L, Scalar(upgraded, "SELECT count(*) FROM duckdb_views() WHERE view_name = 'observations_current'"));
        Assert.AreEqual(1.5, Scalar(upgraded, "SELECT value FROM observations WHERE series_id = 'd:X'"));
        Assert.AreEqual(1L, Scalar(upgraded, "SELECT count(*) FROM schema_migrations WHERE module = 'core' AND version = 5"));
    }
}
