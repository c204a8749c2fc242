using DuckDB.NET.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Store;
using Monitor.Testing;

namespace Monitor.Web.Tests.Upgrade;

/// <summary>
/// A store made by the previous release (commit bd03a03, whose schema scripts are kept in Release-bd03a03/ as
/// "module.NNN_name.sql") opens with the current code: the newer scripts migrate it and its data stays.
/// </summary>
[TestClass]
public sealed class PreviousReleaseUpgradeTests
{
    private static readonly string Fixture = Path.Combine(RepoPaths.Root, "tests", "Monitor.Web.Tests", "Upgrade", "Release-bd03a03");

    [TestMethod]
    public void A_store_of_the_previous_release_migrates_and_keeps_its_data()
    {
        var folder = TempFolder.Create();
        try
        {
            var path = Path.Combine(folder, "monitor.duckdb");
            CreateAsPreviousRelease(path);

            using var store = new MonitorStore(new StoreOptions { Path = path, MemoryLimit = "256MB" }, CurrentScripts());
            using var connection = store.Open();

            Assert.AreEqual("GDP,1.5", Scalar(connection, "SELECT s.code || ',' || o.value FROM series s JOIN observations o USING (series_id)"));
            Assert.AreEqual("boss:admin", Scalar(connection, "SELECT user_name || ':' || role FROM users"));
            Assert.AreEqual("forecast:succeeded", Scalar(connection, "SELECT job_key || ':' || status FROM job_runs"));
            Execute(connection, "UPDATE job_runs SET status = 'interrupted'"); // a status this release added
            Assert.IsGreaterThan(1L, Convert.ToInt64(Scalar(connection, "SELECT max(version) FROM schema_migrations WHERE module = 'core'"), System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    /// <summary>Tables each stage now creates in its own schema scripts; the previous release created them all in core 001.</summary>
    private static readonly string[] StageTables =
    [
        "forecast_runs", "forecasts", "forecast_accuracy", "one_step_forecasts",
        "anomalies", "signal_lights", "composite_readings", "composite_contributions", "turning_points", "alerts", "alert_events",
        "users",
    ];

    [TestMethod]
    public void Stage_tables_belong_to_their_stages_and_match_the_previous_releases_columns()
    {
        using (var coreOnly = TestStore.InMemory())
        using (var connection = coreOnly.Store.Open())
            Assert.AreEqual("", Scalar(connection, $"SELECT coalesce(string_agg(table_name, ','), '') FROM duckdb_tables() WHERE table_name IN ({InList(StageTables)})"),
                "a store with only the core schema has none of the stages' tables");

        var folder = TempFolder.Create();
        try
        {
            var path = Path.Combine(folder, "monitor.duckdb");
            CreateAsPreviousRelease(path);
            using var upgraded = new MonitorStore(new StoreOptions { Path = path, MemoryLimit = "256MB" }, CurrentScripts());
            using var fresh = TestStore.InMemory(CurrentScripts());
            using var upgradedConnection = upgraded.Open();
            using var freshConnection = fresh.Store.Open();
            foreach (var table in StageTables)
                Assert.AreEqual(Shape(upgradedConnection, table), Shape(freshConnection, table), $"{table}: a new store's table is the upgraded old store's");
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    /// <summary>A table's columns (name, type, nullability, default, in order) and constraints, as one comparable text.</summary>
    private static string? Shape(DuckDBConnection connection, string table) => Scalar(connection, $"""
        SELECT (SELECT string_agg(column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '-'), '; ' ORDER BY column_index)
                FROM duckdb_columns() WHERE table_name = '{table}')
            || ' | ' ||
            coalesce((SELECT string_agg(constraint_text, '; ' ORDER BY constraint_text) FROM duckdb_constraints() WHERE table_name = '{table}'), '')
        """);

    private static string InList(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    /// <summary>Applies the old scripts the way the old migrator did (core first, then modules by name and version) and adds some data.</summary>
    private static void CreateAsPreviousRelease(string path)
    {
        var scripts = Directory.GetFiles(Fixture, "*.sql")
            .Select(f => Path.GetFileName(f).Split('.'))
            .Select(p => (Module: p[0], Version: int.Parse(p[1][..3], System.Globalization.CultureInfo.InvariantCulture), File: string.Join('.', p)))
            .OrderBy(s => s.Module == "core" ? 0 : 1).ThenBy(s => s.Module, StringComparer.Ordinal).ThenBy(s => s.Version);
        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        Execute(connection, "CREATE TABLE schema_migrations (module VARCHAR NOT NULL, version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp, PRIMARY KEY (module, version))");
        foreach (var (module, version, file) in scripts)
        {
            Execute(connection, File.ReadAllText(Path.Combine(Fixture, file)));
            Execute(connection, $"INSERT INTO schema_migrations (module, version) VALUES ('{module}', {version})");
        }
        Execute(connection, """
            INSERT INTO series (series_id, dataset, code, name, domain, frequency) VALUES ('d:GDP', 'd', 'GDP', 'GDP', 'macro', 'Q');
            INSERT INTO observations VALUES ('d:GDP', DATE '2025-10-01', 1.5, TIMESTAMP '2026-01-20 08:00:00', NULL, 1);
            INSERT INTO users (user_name, password_hash, role) VALUES ('boss', 'AQAAAAIAAYagAAAAE-not-a-real-hash', 'admin');
            INSERT INTO job_runs VALUES (1, 'forecast', TIMESTAMP '2026-01-20 08:00:00', TIMESTAMP '2026-01-20 08:05:00', 'succeeded', 'ok');
            """);
    }

    /// <summary>Every schema script the current host registers (each module adds its own).</summary>
    private static IEnumerable<SchemaScript> CurrentScripts()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection([new("JobStorage:Kind", "memory"), new("JobStorage:RunServer", "false")]);
        builder.AddMonitorServices();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetServices<SchemaScript>().ToList();
    }

    private static string? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
