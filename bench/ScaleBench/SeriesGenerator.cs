using Monitor.Core.Store;

namespace ScaleBench;

/// <summary>
/// N monthly series of 120 months (level, trend, seasonality and noise that differ per series), generated set-wise in
/// DuckDB SQL: deterministic, and independent of the catalogue's other columns.
/// </summary>
public static class SeriesGenerator
{
    public static void Write(string database, int count, int months = 120)
    {
        using var store = new MonitorStore(new StoreOptions { Path = database, MemoryLimit = "4GB" }, Monitor.Forecast.ForecastServiceCollectionExtensions.Schema);
        using var connection = store.Open();
        Execute(connection, $"""
            INSERT INTO series (series_id, dataset, code, name, domain, frequency, source)
            SELECT 'bench:S' || lpad(i::VARCHAR, 7, '0'), 'bench', 'S' || lpad(i::VARCHAR, 7, '0'), 'series ' || i, 'macro', 'M', 'bench'
            FROM range({count}) s(i)
            """);
        Execute(connection, $"""
            INSERT INTO observations (series_id, period, value, known_from, known_to, run_id)
            SELECT 'bench:S' || lpad(i::VARCHAR, 7, '0'), DATE '2016-01-01' + to_months(t::INTEGER),
                   (50 + (i * 7919 % 200) + ((i * 104729 % 90) / 100.0 - 0.27) * t)
                     * (1 + (i * 31 % 15) / 100.0 * sin(2 * pi() * t / 12))
                     * (1 + (0.01 + (i * 17 % 5) / 100.0) * (((i * 7919 + t * 104729) % 1000) / 1000.0 - 0.5)),
                   TIMESTAMP '2026-01-20', NULL, 1
            FROM range({count}) s(i), range({months}) m(t)
            """);
    }

    private static void Execute(DuckDB.NET.Data.DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
