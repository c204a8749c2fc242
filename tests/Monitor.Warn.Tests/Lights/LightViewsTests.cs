using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Testing;
using static Monitor.Testing.StoreSql;

namespace Monitor.Warn.Tests.Lights;

/// <summary>The warn stage's read views: the newest light configuration wins, and the latest period of each series.</summary>
[TestClass]
public sealed class LightViewsTests
{
    [TestMethod]
    public void Current_keeps_the_newest_configuration_of_each_period_and_latest_the_last_period()
    {
        using var test = TestStore.InMemory(WarnServiceCollectionExtensions.Schema);
        using var connection = test.Store.Open();
        Execute(connection, """
            INSERT INTO signal_lights VALUES
              ('s', DATE '2025-01-01', 1, 1.0, 1, 'blue', TIMESTAMP '2025-02-01'),
              ('s', DATE '2025-01-01', 2, 2.0, 2, 'lightblue', TIMESTAMP '2025-03-01'),
              ('s', DATE '2025-02-01', 1, 3.0, 3, 'green', TIMESTAMP '2025-03-01'),
              ('t', DATE '2024-12-01', 2, 9.0, 5, 'red', TIMESTAMP '2025-01-01')
            """);

        Assert.AreEqual("s 2025-01-01 2 lightblue|s 2025-02-01 1 green|t 2024-12-01 2 red", Rows(connection, "signal_lights_current"));
        Assert.AreEqual("s 2025-02-01 1 green|t 2024-12-01 2 red", Rows(connection, "signal_lights_latest"));
    }

    private static string Rows(DuckDBConnection connection, string view)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT string_agg(series_id || ' ' || strftime(period, '%Y-%m-%d') || ' ' || config_version || ' ' || colour, '|' ORDER BY series_id, period) FROM {view}";
        return (string)command.ExecuteScalar()!;
    }
}
