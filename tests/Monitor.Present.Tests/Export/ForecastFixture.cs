using DuckDB.NET.Data;
using Monitor.Core.Store;

namespace Monitor.Present.Tests.Export;

/// <summary>Fills a store with series, forecast runs, forecasts and accuracy the way the forecast stage writes them.</summary>
internal static class ForecastFixture
{
    public static readonly DateTime Run1Finished = new(2025, 1, 10, 8, 0, 0);
    public static readonly DateTime Run2Finished = new(2025, 2, 10, 8, 0, 0);

    /// <summary>
    /// Three hand-made series (Chinese names, a formula-like name, negative values, a missing accuracy row) in two runs:
    /// run 1 covers all three, run 2 only the first two with different points.
    /// </summary>
    public static void Small(MonitorStore store)
    {
        using var connection = store.Open();
        Exec(connection, """
            INSERT INTO series (series_id, dataset, code, name, name_zh, domain, region_code, industry_code, frequency, unit) VALUES
            ('nbs:cpi', 'nbs', 'cpi', 'CPI, "all items"', '居民消费价格指数', 'macro', NULL, NULL, 'M', '%'),
            ('prov:gdp:44', 'prov', 'gdp', 'GDP Guangdong', '广东省地区生产总值', 'regional', '44', NULL, 'Q', '亿元'),
            ('ind:out:C26', 'ind', 'out', '=HYPERLINK("http://x","click")', '-化学原料', 'industry', NULL, 'C26', 'M', NULL)
            """);
        Exec(connection, $"""
            INSERT INTO forecast_runs (run_id, started_at, finished_at, status, series_count) VALUES
            (1, TIMESTAMP '2025-01-10 07:00:00', TIMESTAMP '{Run1Finished:yyyy-MM-dd HH:mm:ss}', 'succeeded', 3),
            (2, TIMESTAMP '2025-02-10 07:00:00', TIMESTAMP '{Run2Finished:yyyy-MM-dd HH:mm:ss}', 'succeeded', 2),
            (3, TIMESTAMP '2025-03-10 07:00:00', NULL, 'failed', 0)
            """);
        using (var appender = connection.CreateAppender("forecasts"))
        {
            for (var step = 1; step <= 3; step++)
            {
                AppendForecast(appender, 1, "nbs:cpi", "ets", new DateOnly(2024, 12, 1), new DateOnly(2024, 12, 1).AddMonths(step), 0.5 + step / 10.0);
                AppendForecast(appender, 1, "prov:gdp:44", "theta", new DateOnly(2024, 7, 1), new DateOnly(2024, 7, 1).AddMonths(3 * step), 1000 + step);
                AppendForecast(appender, 1, "ind:out:C26", "naive", new DateOnly(2024, 12, 1), new DateOnly(2024, 12, 1).AddMonths(step), -3.5 * step);
                AppendForecast(appender, 2, "nbs:cpi", "lightgbm", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1).AddMonths(step), 0.2 + step / 10.0);
                AppendForecast(appender, 2, "prov:gdp:44", "theta", new DateOnly(2024, 10, 1), new DateOnly(2024, 10, 1).AddMonths(3 * step), 2000 + step);
                AppendForecast(appender, 3, "nbs:cpi", "broken", new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 1).AddMonths(step), 99);
            }
        }
        Exec(connection, """
            INSERT INTO forecast_accuracy (run_id, series_id, model, smape, mase, cov80, cov95, origins) VALUES
            (1, 'nbs:cpi', 'ets', 12.5, 0.9, 0.8, 0.95, 12),
            (2, 'nbs:cpi', 'lightgbm', 10.25, 0.75, 0.82, 0.96, 12),
            (1, 'prov:gdp:44', 'theta', 3.5, 1.1, 0.7, 0.9, 8),
            (2, 'prov:gdp:44', 'theta', 3.25, 1.05, 0.75, 0.92, 8)
            """);
    }

    /// <summary><paramref name="seriesCount"/> monthly series × <paramref name="steps"/> steps in one run (for memory and benchmark runs).</summary>
    public static void Large(MonitorStore store, int seriesCount, int steps = 24)
    {
        using var connection = store.Open();
        Exec(connection, "INSERT INTO forecast_runs (run_id, started_at, finished_at, status, series_count) VALUES (1, TIMESTAMP '2025-01-01', TIMESTAMP '2025-01-01 01:00:00', 'succeeded', 0)");
        using (var series = connection.CreateAppender("series"))
        {
            for (var i = 0; i < seriesCount; i++)
            {
                series.CreateRow().AppendValue($"gen:s{i:D5}").AppendValue("gen").AppendValue($"s{i:D5}").AppendValue($"Generated series {i}")
                    .AppendValue($"生成序列{i}").AppendValue("regional").AppendValue($"{11 + (i % 31)}").AppendNullValue().AppendValue("M").AppendValue("亿元")
                    .AppendNullValue().AppendNullValue().AppendNullValue().AppendValue(false).AppendValue(new DateTime(2025, 1, 1)).EndRow();
            }
        }
        using (var forecasts = connection.CreateAppender("forecasts"))
        {
            for (var i = 0; i < seriesCount; i++)
            {
                for (var step = 1; step <= steps; step++)
                {
                    AppendForecast(forecasts, 1, $"gen:s{i:D5}", "ets", new DateOnly(2024, 12, 1), new DateOnly(2024, 12, 1).AddMonths(step), i + step / 100.0);
                }
            }
        }
        Exec(connection, "INSERT INTO forecast_accuracy SELECT 1, series_id, 'ets', 10, 1, 0.8, 0.95, 12, 'out-of-sample' FROM series");
    }

    private static void AppendForecast(DuckDBAppender appender, long run, string series, string model, DateOnly trainEnd, DateOnly period, double point) =>
        appender.CreateRow()
            .AppendValue(run).AppendValue(series).AppendValue(model).AppendValue("1.0")
            .AppendValue(trainEnd).AppendValue(new DateTime(2025, 1, 5, 9, 30, 0))
            .AppendValue((int)((period.Year - trainEnd.Year) * 12 + period.Month - trainEnd.Month) / (series.StartsWith("prov", StringComparison.Ordinal) ? 3 : 1))
            .AppendValue(period).AppendValue(point)
            .AppendValue(point - 1).AppendValue(point + 1).AppendValue(point - 2).AppendValue(point + 2)
            .AppendValue(model == "naive" ? "too short for ets" : null)
            .EndRow();

    public static void Exec(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
