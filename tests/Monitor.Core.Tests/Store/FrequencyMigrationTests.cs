using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Testing;
using static Monitor.Testing.StoreSql;

namespace Monitor.Core.Tests.Store;

/// <summary>A store made before ten-day and half-year series keeps its catalogue and views when the wider check arrives.</summary>
[TestClass]
public sealed class FrequencyMigrationTests
{
    [TestMethod]
    public void Old_catalogue_is_kept_and_accepts_ten_day_and_half_year_series()
    {
        var folder = TempFolder.Create();
        try
        {
            var path = Path.Combine(folder, "old.duckdb");
            using (var connection = new DuckDBConnection($"Data Source={path}"))
            {
                connection.Open();
                Execute(connection, CoreSchema.Scripts.Single(s => s.Version == 1).Sql);
                Execute(connection, """
                    CREATE TABLE schema_migrations (module VARCHAR NOT NULL, version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp, PRIMARY KEY (module, version));
                    INSERT INTO schema_migrations (module, version) VALUES ('core', 1);
                    INSERT INTO series (series_id, dataset, code, name, domain, frequency) VALUES ('d:X', 'd', 'X', 'x', 'macro', 'M');
                    CREATE VIEW catalogue_names AS SELECT series_id, name FROM series;
                    """);
            }

            using var store = new MonitorStore(new StoreOptions { Path = path, MemoryLimit = "256MB" });
            using var open = store.Open();
            Execute(open, "INSERT INTO series (series_id, dataset, code, name, domain, frequency) VALUES ('d:P', 'd', 'P', 'p', 'macro', 'T'), ('d:H', 'd', 'H', 'h', 'macro', 'S')");

            Assert.AreEqual(3L, Scalar(open, "SELECT count(*) FROM catalogue_names"));
            Assert.AreEqual("M", Scalar(open, "SELECT frequency FROM series WHERE series_id = 'd:X'"));
            Assert.ThrowsExactly<DuckDBException>(() => Execute(open, "INSERT INTO series (series_id, dataset, code, name, domain, frequency) VALUES ('d:Z', 'd', 'Z', 'z', 'macro', 'Y')"));
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
