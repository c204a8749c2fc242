using DuckDB.NET.Data;
using Monitor.Core.Store;

namespace Monitor.Web.Tests.Seeding;

/// <summary>
/// A small, deterministic store for dashboard tests, written with plain SQL and the appender: 12 national indicators
/// (one revised), 31 provinces, 20 industries, a forecast run with accuracy, anomalies, lights, the 预警指数, alerts and runs.
/// </summary>
public static class WebSeed
{
    public static readonly DateOnly FirstMonth = new(2022, 1, 1);
    public const int Months = 48;
    public static readonly DateOnly LastMonth = FirstMonth.AddMonths(Months - 1);
    public static readonly DateTime Loaded = new(2026, 1, 20, 8, 0, 0);
    public static readonly DateTime Revised = new(2026, 2, 20, 8, 0, 0);
    public const string RevisedSeries = "cn:cpi_yoy";

    public static readonly (string Code, string Name, string NameZh, string Unit, double Level)[] Macro =
    [
        ("industrial_va_yoy", "Industrial value added, YoY", "规模以上工业增加值同比", "%", 5.5),
        ("cpi_yoy", "CPI, YoY", "居民消费价格指数同比", "%", 1.5),
        ("ppi_yoy", "PPI, YoY", "工业生产者出厂价格指数同比", "%", -1.0),
        ("pmi", "Manufacturing PMI", "制造业采购经理指数", "%", 50.0),
        ("retail_yoy", "Retail sales, YoY", "社会消费品零售总额同比", "%", 6.0),
        ("fai_ytd_yoy", "Fixed-asset investment, YTD YoY", "固定资产投资累计同比", "%", 4.0),
        ("exports_yoy", "Exports, YoY", "出口同比", "%", 5.0),
        ("m2_yoy", "M2, YoY", "广义货币 M2 同比", "%", 9.0),
        ("tsf_yoy", "Total social financing stock, YoY", "社会融资规模存量同比", "%", 9.5),
        ("unemployment", "Surveyed urban unemployment", "城镇调查失业率", "%", 5.2),
        ("power_yoy", "Power generation, YoY", "发电量同比", "%", 4.5),
        ("property_sales_yoy", "Property sales area, YoY", "商品房销售面积同比", "%", -5.0),
    ];

    public static string MacroId(string code) => "cn:" + code;

    public static void Fill(MonitorStore store)
    {
        using var connection = store.Open();
        var random = new Random(42);
        using (var transaction = connection.BeginTransaction())
        {
            AddSeriesRows(connection);
            transaction.Commit();
        }
        AddObservations(connection, random);
        AddLights(connection, random);
        AddForecasts(connection);
        AddWarnings(connection);
        AddRuns(connection);
    }

    private static void AddSeriesRows(DuckDBConnection connection)
    {
        foreach (var m in Macro)
            Execute(connection, "INSERT INTO series (series_id, dataset, code, name, name_zh, domain, frequency, unit, source, counter_cyclical) VALUES ($1, 'cn', $2, $3, $4, 'macro', 'M', $5, 'nbs', $6)",
                MacroId(m.Code), m.Code, m.Name, m.NameZh, m.Unit, m.Code == "unemployment");
        foreach (var p in Monitor.Web.Pages.Regions.Provinces.All)
            Execute(connection, "INSERT INTO series (series_id, dataset, code, name, name_zh, domain, region_code, frequency, unit, source) VALUES ($1, 'cn', 'retail_sales', $2, $3, 'regional', $4, 'M', '亿元', 'nbs')",
                $"cn:retail_sales:{p.Iso}", $"Retail sales, {p.NameEn}", $"{p.NameZh}社会消费品零售总额", p.Iso);
        for (var i = 0; i < 20; i++)
            Execute(connection, "INSERT INTO series (series_id, dataset, code, name, name_zh, domain, industry_code, frequency, unit, source) VALUES ($1, 'cn', 'output', $2, $3, 'industry', $4, 'M', '亿元', 'nbs')",
                $"cn:output::C{13 + i}", $"Output of division C{13 + i}", $"C{13 + i} 行业产值", $"C{13 + i}");
    }

    private static void AddObservations(DuckDBConnection connection, Random random)
    {
        using var appender = connection.CreateAppender("observations");
        for (var s = 0; s < Macro.Length; s++)
        {
            for (var t = 0; t < Months; t++)
            {
                var value = Math.Round(Macro[s].Level + 2 * Math.Sin((t + s) / 6.0) + random.NextDouble() - 0.5, 2);
                var revised = MacroId(Macro[s].Code) == RevisedSeries && t == Months - 1;
                Append(appender, MacroId(Macro[s].Code), FirstMonth.AddMonths(t), value, Loaded, revised ? Revised : null);
                if (revised) Append(appender, RevisedSeries, FirstMonth.AddMonths(t), value + 0.3, Revised, null);
            }
        }
        var provinces = Monitor.Web.Pages.Regions.Provinces.All;
        for (var p = 0; p < provinces.Count; p++)
            for (var t = 0; t < Months; t++)
                Append(appender, $"cn:retail_sales:{provinces[p].Iso}", FirstMonth.AddMonths(t), Math.Round(1000 * (1 + p / 10.0) * Math.Pow(1 + (p % 7) / 100.0, t / 12.0), 1), Loaded, null);
        for (var i = 0; i < 20; i++)
            for (var t = 0; t < Months; t++)
                Append(appender, $"cn:output::C{13 + i}", FirstMonth.AddMonths(t), Math.Round(500 * Math.Pow(1 + (i - 8) / 100.0, t / 12.0) + 20 * random.NextDouble(), 1), Loaded, null);
    }

    private static void Append(DuckDBAppender appender, string seriesId, DateOnly period, double value, DateTime knownFrom, DateTime? knownTo)
    {
        var row = appender.CreateRow().AppendValue(seriesId).AppendValue(period.ToDateTime(TimeOnly.MinValue)).AppendValue(value).AppendValue(knownFrom);
        (knownTo is { } to ? row.AppendValue(to) : row.AppendNullValue()).AppendValue(1L).EndRow();
    }

    private static void AddLights(DuckDBConnection connection, Random random)
    {
        using var appender = connection.CreateAppender("signal_lights");
        string[] colours = ["blue", "lightblue", "green", "yellow", "red"];
        var ids = Macro.Select(m => MacroId(m.Code))
            .Concat(Monitor.Web.Pages.Regions.Provinces.All.Select(p => $"cn:retail_sales:{p.Iso}"))
            .Concat(Enumerable.Range(0, 20).Select(i => $"cn:output::C{13 + i}")).ToList();
        for (var s = 0; s < ids.Count; s++)
        {
            for (var t = Months - 30; t < Months; t++)
            {
                var points = 1 + (int)Math.Round(2 + 2 * Math.Sin((t + s) / 5.0) * 0.9 + (random.NextDouble() - 0.5) * 0.4);
                points = Math.Clamp(points, 1, 5);
                appender.CreateRow().AppendValue(ids[s]).AppendValue(FirstMonth.AddMonths(t).ToDateTime(TimeOnly.MinValue)).AppendValue(1)
                    .AppendValue(points * 1.5).AppendValue(points).AppendValue(colours[points - 1]).AppendValue(Loaded).EndRow();
            }
        }
    }

    private static void AddForecasts(DuckDBConnection connection)
    {
        Execute(connection, "INSERT INTO forecast_runs VALUES (1, $1, $1, 'succeeded', 12, 'seed')", Loaded);
        for (var s = 0; s < Macro.Length; s++)
        {
            var id = MacroId(Macro[s].Code);
            for (var step = 1; step <= 6; step++)
            {
                var point = Macro[s].Level + 2 * Math.Sin((Months + step + s) / 6.0);
                Execute(connection, "INSERT INTO forecasts VALUES (1, $1, 'ets', '1.0', $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL)",
                    id, LastMonth.ToDateTime(TimeOnly.MinValue), Loaded, step, LastMonth.AddMonths(step).ToDateTime(TimeOnly.MinValue),
                    point, point - 0.5 * step, point + 0.5 * step, point - 0.9 * step, point + 0.9 * step);
            }
            Execute(connection, "INSERT INTO forecast_accuracy VALUES (1, $1, 'ets', 4.2, 0.85, 0.79, 0.94, 24, 'out-of-sample')", id);
        }
    }

    private static void AddWarnings(DuckDBConnection connection)
    {
        Execute(connection, "INSERT INTO anomalies VALUES ($1, $2, 'interval', 3.4, 9.9, 5.5, 4.0, 7.0, 'above the 95% interval', '高于 95% 预测区间', 1, $3)",
            MacroId("industrial_va_yoy"), FirstMonth.AddMonths(40).ToDateTime(TimeOnly.MinValue), Loaded);
        for (var t = 0; t < Months; t++)
        {
            var value = 30 + 8 * Math.Sin(t / 7.0);
            var colour = value > 36 ? "red" : value > 33 ? "yellow" : value > 27 ? "green" : value > 24 ? "lightblue" : "blue";
            Execute(connection, "INSERT INTO composite_readings VALUES ('warning_index', $1, $2, $3, $4)", FirstMonth.AddMonths(t).ToDateTime(TimeOnly.MinValue), value, colour, Loaded);
        }
        Execute(connection, "INSERT INTO turning_points VALUES ('warning_index', $1, 'peak'), ('warning_index', $2, 'trough')",
            FirstMonth.AddMonths(11).ToDateTime(TimeOnly.MinValue), FirstMonth.AddMonths(33).ToDateTime(TimeOnly.MinValue));
        foreach (var m in Macro)
            Execute(connection, "INSERT INTO composite_contributions VALUES ('warning_index', $1, $2, $3)", LastMonth.ToDateTime(TimeOnly.MinValue), MacroId(m.Code), m.Level / 10);
        AddAlert(connection, 1, "light_red:cn:pmi", "light_red", MacroId("pmi"), "critical", "red", "open", "PMI overheated", "制造业采购经理指数过热");
        AddAlert(connection, 2, "anomaly:cn:industrial_va_yoy", "anomaly", MacroId("industrial_va_yoy"), "warning", null, "open", "Industrial value added anomaly", "工业增加值异常");
        AddAlert(connection, 3, "no_data:pboc", "no_data", null, "info", null, "resolved", "No new data from pboc", "人民银行数据未更新");
    }

    private static void AddAlert(DuckDBConnection connection, long id, string key, string rule, string? seriesId, string severity, string? colour, string state, string title, string titleZh)
    {
        Execute(connection, """
            INSERT INTO alerts (alert_id, dedup_key, rule, series_id, period, severity, colour, state, title, title_zh, message, message_zh, opened_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9, $10, $11, $11)
            """, id, key, rule, seriesId ?? (object)DBNull.Value, LastMonth.ToDateTime(TimeOnly.MinValue), severity, colour ?? (object)DBNull.Value,
            state, title, titleZh, Loaded.AddHours(id));
        Execute(connection, "INSERT INTO alert_events VALUES (nextval('alert_event_seq'), $1, $2, 'opened', $3, NULL)", id, Loaded.AddHours(id), severity);
    }

    private static void AddRuns(DuckDBConnection connection)
    {
        Execute(connection, "INSERT INTO ingest_runs (run_id, source, location, started_at, finished_at, rows_read, rows_new, status) VALUES (1, 'nbs', 'data-samples/observations.csv', $1, $1, 4000, 4000, 'succeeded')", Loaded);
        Execute(connection, "INSERT INTO ingest_runs (run_id, source, location, started_at, finished_at, rows_read, rows_rejected, status, error_report) VALUES (2, 'pboc', 'https://example.invalid/m2.csv', $1, $1, 10, 2, 'failed', $2)",
            Loaded.AddMinutes(5), "m2.csv:4: value: 'n/a' is not a number\nm2.csv:9: period: '2025-13' is not a month");
        Execute(connection, "INSERT INTO job_runs VALUES (1, 'ingest:nbs', $1, $1, 'succeeded', 'ok'), (2, 'forecast', $1, $1, 'succeeded', '12 series')", Loaded);
    }

    public static void Execute(DuckDBConnection connection, string sql, params object[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in values) command.Parameters.Add(new DuckDBParameter(value));
        command.ExecuteNonQuery();
    }
}
