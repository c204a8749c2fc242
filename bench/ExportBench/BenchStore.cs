using DuckDB.NET.Data;
using Monitor.Core.Store;

namespace Monitor.Bench.Export;

/// <summary>Generates a store of N monthly series × S forecast steps in one run, with accuracy rows, by SQL.</summary>
internal static class BenchStore
{
    public static long Generate(string path, int series, int steps)
    {
        using var store = new MonitorStore(new StoreOptions { Path = path, MemoryLimit = "512MB" });
        using var connection = store.Open();
        Exec(connection, "INSERT INTO forecast_runs VALUES (1, TIMESTAMP '2025-01-01', TIMESTAMP '2025-01-01 01:00:00', 'succeeded', $1, NULL)", series);
        Exec(connection, """
            INSERT INTO series (series_id, dataset, code, name, name_zh, domain, region_code, frequency, unit)
            SELECT 'gen:s' || lpad(i::VARCHAR, 5, '0'), 'gen', 's' || i, 'Generated series ' || i, '生成序列' || i,
                   'regional', (11 + i % 31)::VARCHAR, 'M', '亿元'
            FROM range($1) t(i)
            """, series);
        Exec(connection, """
            INSERT INTO forecasts
            SELECT 1, s.series_id, 'ets', '1.0', DATE '2024-12-01', TIMESTAMP '2025-01-05 09:30:00', k,
                   (DATE '2024-12-01' + to_months(k))::DATE, p, p - 1, p + 1, p - 2, p + 2, NULL
            FROM series s, range(1, $1 + 1) r(k), LATERAL (SELECT hash(s.series_id, k) % 10000 / 100.0 - 20 AS p)
            """, steps);
        Exec(connection, "INSERT INTO forecast_accuracy SELECT 1, series_id, 'ets', 10.5, 0.9, 0.8, 0.95, 12 FROM series");
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM forecasts";
        return Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Exec(DuckDBConnection connection, string sql, object? parameter = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (parameter is not null) command.Parameters.Add(new DuckDBParameter(parameter));
        command.ExecuteNonQuery();
    }
}
