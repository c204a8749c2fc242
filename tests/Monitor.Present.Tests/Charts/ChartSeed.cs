using DuckDB.NET.Data;
using Monitor.Core.Store;

namespace Monitor.Present.Tests.Charts;

/// <summary>Plain-SQL rows for chart tests: one monthly series with history, a forecast run and an anomaly.</summary>
internal static class ChartSeed
{
    public const string SeriesId = "cn:cpi_yoy";

    public static void Series(MonitorStore store, int months = 36)
    {
        Execute(store, """
            INSERT INTO series (series_id, dataset, code, name, name_zh, domain, frequency, unit)
            VALUES ('cn:cpi_yoy', 'cn', 'cpi_yoy', 'CPI year on year', '居民消费价格指数同比', 'macro', 'M', '%')
            """);
        for (var i = 0; i < months; i++)
            Execute(store, "INSERT INTO observations VALUES ('cn:cpi_yoy', $1, $2, TIMESTAMP '2024-01-01', NULL, 1)",
                new DateTime(2021, 1, 1).AddMonths(i), 2 + Math.Sin(i / 3.0));
    }

    public static void Forecast(MonitorStore store, long runId, DateTime vintage)
    {
        Execute(store, "INSERT INTO forecast_runs (run_id, started_at, finished_at, status) VALUES ($1, $2, $2, 'succeeded')", runId, vintage);
        for (var step = 1; step <= 6; step++)
            Execute(store, """
                INSERT INTO forecasts VALUES ($1, 'cn:cpi_yoy', 'ets', '1', DATE '2023-12-01', $2, $3, $4, 2.0, 1.5, 2.5, 1.0, 3.0, NULL)
                """, runId, vintage, step, new DateTime(2024, 1, 1).AddMonths(step - 1));
    }

    public static void Anomaly(MonitorStore store) =>
        Execute(store, """
            INSERT INTO anomalies VALUES ('cn:cpi_yoy', DATE '2022-06-01', 'interval', 4.2, 3.5, 2.0, 1.0, 3.0,
              'above the 95% interval', '高于 95% 区间', 1, TIMESTAMP '2024-01-02')
            """);

    public static void Execute(MonitorStore store, string sql, params object[] values)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in values) command.Parameters.Add(new DuckDBParameter(value));
        command.ExecuteNonQuery();
    }
}
