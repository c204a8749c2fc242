using DuckDB.NET.Data;
using Monitor.Core.Store;

namespace WebBench;

/// <summary>Fills a store with N monthly series (12 national, 31 provinces × codes, the rest industries), 120 months each, with lights, forecasts and the index.</summary>
internal static class BenchStore
{
    public const int Months = 120;
    public static readonly DateTime First = new(2016, 1, 1);
    public static readonly DateTime Loaded = new(2026, 1, 20);

    public static IReadOnlyList<string> Fill(MonitorStore store, int seriesCount)
    {
        using var connection = store.Open();
        var ids = AddSeries(connection, seriesCount);
        var random = new Random(7);
        using (var observations = connection.CreateAppender("observations"))
            foreach (var (id, s) in ids.Select((id, s) => (id, s)))
                for (var t = 0; t < Months; t++)
                    observations.CreateRow().AppendValue(id).AppendValue(First.AddMonths(t)).AppendValue(100 + 10 * Math.Sin((t + s) / 6.0) + random.NextDouble())
                        .AppendValue(Loaded).AppendNullValue().AppendValue(1L).EndRow();
        string[] colours = ["blue", "lightblue", "green", "yellow", "red"];
        using (var lights = connection.CreateAppender("signal_lights"))
            foreach (var (id, s) in ids.Select((id, s) => (id, s)))
                for (var t = Months - 24; t < Months; t++)
                {
                    var points = 1 + (t + s) % 5;
                    lights.CreateRow().AppendValue(id).AppendValue(First.AddMonths(t)).AppendValue(1).AppendValue(points * 1.0).AppendValue(points)
                        .AppendValue(colours[points - 1]).AppendValue(Loaded).EndRow();
                }
        Execute(connection, "INSERT INTO forecast_runs VALUES (1, $1, $1, 'succeeded', $2, 'bench')", Loaded, ids.Count);
        using (var forecasts = connection.CreateAppender("forecasts"))
            foreach (var id in ids)
                for (var step = 1; step <= 12; step++)
                    forecasts.CreateRow().AppendValue(1L).AppendValue(id).AppendValue("ets").AppendValue("1").AppendValue(First.AddMonths(Months - 1))
                        .AppendValue(Loaded).AppendValue(step).AppendValue(First.AddMonths(Months - 1 + step)).AppendValue(100.0)
                        .AppendValue(100.0 - step).AppendValue(100.0 + step).AppendValue(100.0 - 2 * step).AppendValue(100.0 + 2 * step).AppendNullValue().EndRow();
        for (var t = 0; t < Months; t++)
            Execute(connection, "INSERT INTO composite_readings VALUES ('warning_index', $1, $2, 'green', $3)", First.AddMonths(t), 30 + 8 * Math.Sin(t / 7.0), Loaded);
        for (var a = 1; a <= 50; a++)
            Execute(connection, "INSERT INTO alerts (alert_id, dedup_key, rule, series_id, severity, state, title, title_zh, opened_at, updated_at) VALUES ($1, $2, 'anomaly', $3, 'warning', 'open', 'Anomaly', '异常', $4, $4)",
                (long)a, "bench" + a, ids[a * 97 % ids.Count], Loaded.AddHours(a));
        Execute(connection, "INSERT INTO ingest_runs (run_id, source, started_at, finished_at, rows_read, rows_new, status) VALUES (1, 'bench', $1, $1, $2, $2, 'succeeded')", Loaded, (long)ids.Count * Months);
        return ids;
    }

    private static List<string> AddSeries(DuckDBConnection connection, int count)
    {
        var ids = new List<string>(count);
        using var appender = connection.CreateAppender("series");
        for (var i = 0; i < count; i++)
        {
            var (domain, region, industry, code) = i < 12 ? ("macro", (string?)null, (string?)null, $"m{i:00}")
                : i < 12 + 31 * 100 ? ("regional", $"CN-{Monitor.Web.Pages.Regions.Provinces.All[(i - 12) % 31].Iso[3..]}", null, $"r{(i - 12) / 31:000}")
                : ("industry", null, $"C{i % 40:00}", $"i{(i - 3112) / 40:000}");
            var id = $"bench:{code}:{region ?? ""}:{industry ?? ""}".TrimEnd(':');
            ids.Add(id);
            appender.CreateRow().AppendValue(id).AppendValue("bench").AppendValue(code).AppendValue($"Series {i}").AppendValue($"指标 {i}")
                .AppendValue(domain).AppendValue(region).AppendValue(industry).AppendValue("M").AppendValue("%").AppendNullValue().AppendValue("bench")
                .AppendValue("CN").AppendValue(false).AppendValue(Loaded).EndRow();
        }
        return ids;
    }

    private static void Execute(DuckDBConnection connection, string sql, params object[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in values) command.Parameters.Add(new DuckDBParameter(value));
        command.ExecuteNonQuery();
    }
}
