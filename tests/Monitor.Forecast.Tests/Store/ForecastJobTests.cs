using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Monitor.Core.Store;
using Monitor.Forecast.Store;
using Monitor.Testing;
using static Monitor.Testing.StoreSql;

namespace Monitor.Forecast.Tests.Store;

[TestClass]
public sealed class ForecastJobTests
{
    private static readonly DateTime FirstVintage = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    [TestMethod]
    public void Job_reforecasts_only_series_whose_data_changed()
    {
        using var test = TestStore.OnDisk(ForecastServiceCollectionExtensions.Schema);
        for (var s = 0; s < 4; s++) AddMonthlySeries(test.Store, $"test:s{s}", 60, s);
        var job = NewJob(test.Store);

        var first = job.Run();
        Assert.AreEqual(4, first.SeriesWritten, first.Summary);
        Assert.AreEqual(0, job.Run().SeriesWritten, "nothing changed: nothing re-forecast");

        Revise(test.Store, "test:s2", new DateOnly(2024, 12, 1), 999, FirstVintage.AddDays(30));
        var third = job.Run();
        Assert.AreEqual(1, third.SeriesWritten, third.Summary);
        Assert.AreEqual(1L, Scalar(test.Store, "SELECT count(DISTINCT series_id) FROM forecasts WHERE run_id = $1", third.RunId));
        Assert.AreEqual("test:s2", Scalar(test.Store, "SELECT any_value(series_id) FROM forecasts WHERE run_id = $1", third.RunId));
    }

    [TestMethod]
    public void Job_writes_bounds_accuracy_one_step_history_and_the_registry()
    {
        using var test = TestStore.OnDisk(ForecastServiceCollectionExtensions.Schema);
        for (var s = 0; s < 3; s++) AddMonthlySeries(test.Store, $"test:s{s}", 72, s);
        var result = NewJob(test.Store).Run();

        Assert.AreEqual(54L, Scalar(test.Store, "SELECT count(*) FROM forecasts WHERE run_id = $1", result.RunId), "3 series × 18 monthly steps");
        Assert.AreEqual(0L, Scalar(test.Store, "SELECT count(*) FROM forecasts WHERE NOT (lo95 <= lo80 AND lo80 <= point AND point <= hi80 AND hi80 <= hi95)"));
        Assert.AreEqual(new DateOnly(2025, 1, 1), Scalar(test.Store, "SELECT min(period) FROM forecasts WHERE series_id = 'test:s0'"));
        Assert.AreEqual(3L, Scalar(test.Store, "SELECT count(*) FROM forecast_accuracy WHERE run_id = $1", result.RunId));
        Assert.AreEqual(108L, Scalar(test.Store, "SELECT count(*) FROM one_step_forecasts"), "36 one-step forecasts per series");
        Assert.AreEqual(0L, Scalar(test.Store, "SELECT count(*) FROM one_step_forecasts WHERE actual IS NULL OR NOT (lo95 <= expected AND expected <= hi95)"));
        Assert.AreEqual("succeeded", Scalar(test.Store, "SELECT status FROM forecast_runs WHERE run_id = $1", result.RunId));
        Assert.AreEqual(1L, Scalar(test.Store, "SELECT count(*) FROM forecast_models WHERE frequency = 'M'"));
    }

    [TestMethod]
    public void Series_without_January_get_the_full_ensemble_and_no_January_forecast()
    {
        using var test = TestStore.OnDisk(ForecastServiceCollectionExtensions.Schema);
        for (var s = 0; s < 6; s++) AddMonthlySeries(test.Store, $"test:s{s}", 84, s, withJanuary: s % 2 == 0, level: s < 3 ? 100 : -15 - 10 * s);
        var result = new ForecastJob(test.Store, new SeriesReader(test.Store), Options.Create(new ForecastOptions()), TimeProvider.System).Run();

        Assert.AreEqual(6, result.SeriesWritten, result.Summary);
        Assert.AreEqual(0L, Scalar(test.Store, "SELECT count(*) FROM forecasts WHERE fallback_reason IS NOT NULL"),
            "merged Jan–Feb releases and growth rates below zero keep every member, the global LightGbm too");
        Assert.AreEqual(0L, Scalar(test.Store, "SELECT count(*) FROM forecasts WHERE series_id IN ('test:s1', 'test:s3', 'test:s5') AND month(period) = 1"));
        Assert.AreEqual(16L, Scalar(test.Store, "SELECT count(*) FROM forecasts WHERE series_id = 'test:s1'"), "18 months ahead minus two Januaries");
        Assert.AreEqual(16, Scalar(test.Store, "SELECT max(step) FROM forecasts WHERE series_id = 'test:s1'"), "steps count releases");
        Assert.AreEqual(new DateOnly(2025, 2, 1), Scalar(test.Store, "SELECT period FROM forecasts WHERE series_id = 'test:s1' AND step = 1"));
        Assert.AreEqual(2L, Scalar(test.Store, "SELECT count(*) FROM forecasts WHERE series_id = 'test:s0' AND month(period) = 1"), "published Januaries are forecast");
        Assert.AreEqual(0L, Scalar(test.Store, "SELECT count(*) FROM one_step_forecasts WHERE series_id = 'test:s1' AND month(period) = 1"));
    }

    [TestMethod]
    [DataRow(1000, 1, DisplayName = "planned on every series")]
    [DataRow(9, 1, DisplayName = "planned on a sample: the rest backtested in their shards with the shipped global models")]
    [DataRow(9, 3, DisplayName = "the same, each shard on three threads")]
    public void Splitting_a_run_into_shards_changes_no_forecast(int planSample, int threads)
    {
        using var whole = TestStore.OnDisk(ForecastServiceCollectionExtensions.Schema);
        using var split = TestStore.OnDisk(ForecastServiceCollectionExtensions.Schema);
        foreach (var test in new[] { whole, split })
            for (var s = 0; s < 24; s++) AddMonthlySeries(test.Store, $"test:s{s:D2}", 60 + s % 7, s, withJanuary: s % 5 != 0, level: s % 4 == 0 ? -20 : 100);

        var options = Options.Create(new ForecastOptions());
        var one = new ForecastJob(whole.Store, new SeriesReader(whole.Store), options, TimeProvider.System, new() { PlanSample = planSample }).Run();
        var five = new ForecastJob(split.Store, new SeriesReader(split.Store), Options.Create(new ForecastOptions { Threads = threads }), TimeProvider.System,
            new() { PlanSample = planSample, LocalShards = 5 }).Run();

        Assert.AreEqual(24, one.SeriesWritten, one.Summary);
        Assert.AreEqual(24, five.SeriesWritten, five.Summary);
        foreach (var table in new[] { "forecasts", "forecast_accuracy", "one_step_forecasts" })
        {
            var rowsWhole = Rows(whole.Store, table);
            CollectionAssert.AreEqual(rowsWhole, Rows(split.Store, table), $"{table} differ between one shard and five");
            Assert.IsTrue(rowsWhole.Count >= 24, table);
        }
        Assert.IsTrue(Rows(whole.Store, "forecasts").Any(r => r.Contains("lgbm", StringComparison.Ordinal)), "the global models took part");
    }

    /// <summary>A table's rows without run ids and times, as sorted text (doubles round-trip exactly).</summary>
    private static List<string> Rows(MonitorStore store, string table)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * EXCLUDE (run_id) FROM {table}";
        using var r = command.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
            rows.Add(string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => r.GetValue(i) is double d ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static ForecastJob NewJob(MonitorStore store) =>
        new(store, new SeriesReader(store), Options.Create(new ForecastOptions { Candidates = ["theta", "damped"] }), TimeProvider.System);

    /// <summary>A trending seasonal monthly series ending 2024-12; with a low level it dips below zero like a growth rate.</summary>
    private static void AddMonthlySeries(MonitorStore store, string id, int months, int seed, bool withJanuary = true, double level = 100)
    {
        using var connection = store.Open();
        Execute(connection, "INSERT INTO series (series_id, dataset, code, name, domain, frequency) VALUES ($1, 'test', $2, $2, 'macro', 'M')", id, id[5..]);
        using var appender = connection.CreateAppender("observations");
        var start = new DateOnly(2025, 1, 1).AddMonths(-months);
        for (var t = 0; t < months; t++)
        {
            if (!withJanuary && start.AddMonths(t).Month == 1) continue;
            var value = level + seed * 10 + t * 0.4 + 5 * Math.Sin(t * Math.PI / 6) + ((t * 7 + seed) % 5) * 0.3;
            appender.CreateRow().AppendValue(id).AppendValue(start.AddMonths(t)).AppendValue(value).AppendValue(FirstVintage).AppendNullValue().AppendValue(1L).EndRow();
        }
    }

    private static void Revise(MonitorStore store, string id, DateOnly period, double value, DateTime at)
    {
        using var connection = store.Open();
        Execute(connection, "UPDATE observations SET known_to = $3 WHERE series_id = $1 AND period = $2 AND known_to IS NULL", id, period, at);
        Execute(connection, "INSERT INTO observations VALUES ($1, $2, $3, $4, NULL, 2)", id, period, value, at);
    }
}
