using Microsoft.Extensions.Options;
using Monitor.Core.Store;
using Monitor.Testing;
using Monitor.Warn.Alerts;
using Monitor.Warn.Job;

namespace Monitor.Warn.Tests.Job;

[TestClass]
public sealed class WarnJobTests
{
    private const int Months = 96;

    private static WarnOptions Options() => new()
    {
        Composites =
        [
            new() { Code = "leading", Name = "Leading", NameZh = "先行", Components = [new() { SeriesId = "test:A" }, new() { SeriesId = "test:B" }] },
        ],
    };

    private static WarnJob Job(MonitorStore store, WarnOptions options, TimeProvider clock) =>
        new(store, new WarnInputReader(store, new SeriesReader(store)), Microsoft.Extensions.Options.Options.Create(options), clock);

    private static TestStore Seeded()
    {
        var test = TestStore.OnDisk(WarnSchemas.All);
        var store = test.Store;
        WarnStoreSeed.Series(store, "test:A", "A");
        WarnStoreSeed.Series(store, "test:B", "B");
        WarnStoreSeed.Series(store, "test:U", "U", counterCyclical: true);
        WarnStoreSeed.Observations(store, "test:A", WarnStoreSeed.Steady(Months));
        WarnStoreSeed.Observations(store, "test:B", WarnStoreSeed.Steady(Months, 1));
        // U overheats (its growth collapses, and it is counter-cyclical) over the last four months
        var u = WarnStoreSeed.Steady(Months, 2);
        for (var t = Months - 4; t < Months; t++) u[t] *= 0.8;
        WarnStoreSeed.Observations(store, "test:U", u);
        for (var p = 0; p < 8; p++)
        {
            var id = $"test:GDP:P{p}";
            WarnStoreSeed.Series(store, id, "GDP", region: $"P{p}");
            var values = WarnStoreSeed.Steady(Months, p * 0.7);
            if (p == 5) values[^1] *= 0.85; // the planted outlier province
            WarnStoreSeed.Observations(store, id, values);
        }
        return test;
    }

    [TestMethod]
    public void As_of_a_date_the_job_sees_only_the_data_known_then_and_writes_nothing()
    {
        using var test = Seeded();
        var job = Job(test.Store, Options(), new ManualClock(new DateTime(2026, 3, 1)));

        var before = job.Preview(new DateTime(2025, 12, 31));
        var after = job.Preview(new DateTime(2026, 2, 1));

        StringAssert.Contains(before, "0 series with data", "every value of the seed became known on 2026-01-01");
        StringAssert.Contains(after, "11 series with data");
        StringAssert.Contains(after, "nothing written");
        Assert.AreEqual(0L, WarnStoreSeed.Count(test.Store, "SELECT (SELECT count(*) FROM anomalies) + (SELECT count(*) FROM signal_lights) + (SELECT count(*) FROM alerts)"));
    }

    [TestMethod]
    public async Task The_job_keeps_every_month_of_lights_and_writes_composites_anomalies_and_alerts()
    {
        using var test = Seeded();
        var clock = new ManualClock(new DateTime(2018, 1, 15));
        var summary = await Job(test.Store, Options(), clock).RunAsync(CancellationToken.None);

        StringAssert.Contains(summary, "11 series");
        // lights from month 48 (12 for YoY + 36 of history) to the last: 48 months for each of the 11 series
        Assert.AreEqual(11L * 48, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM signal_lights WHERE config_version = 1"));
        Assert.AreEqual(48L, WarnStoreSeed.Count(test.Store, "SELECT count(DISTINCT period) FROM composite_readings WHERE index_code = 'warning_index'"));
        Assert.AreEqual((long)Months, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM composite_readings WHERE index_code = 'leading'"));
        Assert.AreEqual((long)Months, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM composite_readings WHERE index_code = 'leading_cycle'"));
        Assert.AreEqual(2L * Months, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM composite_contributions WHERE index_code = 'leading'"));
        Assert.AreEqual(1L, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM anomalies WHERE kind = 'cross_section' AND series_id = 'test:GDP:P5' AND period = DATE '2017-12-01'"));
        Assert.AreEqual(0L, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM anomalies WHERE kind = 'cross_section' AND series_id <> 'test:GDP:P5'"));
        Assert.IsGreaterThan(0L, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM anomalies WHERE kind = 'interval' AND explanation LIKE '%naive baseline%'"));
        Assert.AreEqual(1L, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM alerts WHERE dedup_key = 'light_red:test:U' AND state = 'open'"));
        Assert.AreEqual(11L, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM warn_light_config"));
    }

    [TestMethod]
    public async Task The_warning_index_is_published_only_for_months_whose_lit_members_carry_half_the_weight()
    {
        using var test = Seeded();
        // four more national indicators that start two years late: until they are lit, 3 of 7 equal weights are lit
        for (var i = 0; i < 4; i++)
        {
            WarnStoreSeed.Series(test.Store, $"test:L{i}", $"L{i}");
            WarnStoreSeed.Observations(test.Store, $"test:L{i}", WarnStoreSeed.Steady(Months, i + 3), from: 24);
        }

        await Job(test.Store, Options(), new ManualClock(new DateTime(2018, 1, 15))).RunAsync(CancellationToken.None);

        Assert.AreEqual(24L, WarnStoreSeed.Count(test.Store, "SELECT count(DISTINCT period) FROM composite_readings WHERE index_code = 'warning_index'"),
            "the first 24 lit months have 3 of 7 members: not published");
        Assert.AreEqual(7L, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM composite_contributions WHERE index_code = 'warning_index' AND period = (SELECT min(period) FROM composite_readings WHERE index_code = 'warning_index')"));
    }

    [TestMethod]
    public async Task Rerunning_on_the_same_data_changes_nothing_and_a_recovery_resolves_the_alert()
    {
        using var test = Seeded();
        var clock = new ManualClock(new DateTime(2018, 1, 15));
        var job = Job(test.Store, Options(), clock);
        await job.RunAsync(CancellationToken.None);
        var alerts = WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM alerts");
        var events = WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM alert_events");
        var anomalies = WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM anomalies");
        Assert.IsGreaterThan(0L, events);

        await job.RunAsync(CancellationToken.None);
        Assert.AreEqual(alerts, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM alerts"), "dedup: the same conditions open nothing new");
        Assert.AreEqual(events, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM alert_events"), "idempotent: no events on a rerun");
        Assert.AreEqual(anomalies, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM anomalies"));

        // three months later with no new data: a no-data alert opens for every series
        clock.UtcNow = new DateTime(2018, 4, 15);
        await job.RunAsync(CancellationToken.None);
        Assert.AreEqual(11L, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM alerts WHERE rule = 'no_data' AND state = 'open'"));

        // the data arrives: U recovers to its normal path, the no-data alerts and U's red alert resolve
        var u = WarnStoreSeed.Steady(Months + 3, 2);
        WarnStoreSeed.Observations(test.Store, "test:U", u, from: Months);
        foreach (var id in new[] { "test:A", "test:B" }.Concat(Enumerable.Range(0, 8).Select(p => $"test:GDP:P{p}")))
            WarnStoreSeed.Observations(test.Store, id, WarnStoreSeed.Steady(Months + 3), from: Months);
        await job.RunAsync(CancellationToken.None);
        Assert.AreEqual(0L, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM alerts WHERE rule = 'no_data' AND state <> 'resolved'"));
        Assert.AreEqual(1L, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM alerts WHERE dedup_key = 'light_red:test:U' AND state = 'resolved'"));
        Assert.AreEqual(1L, WarnStoreSeed.Count(test.Store,
            "SELECT count(*) FROM alert_events e JOIN alerts a USING (alert_id) WHERE a.dedup_key = 'light_red:test:U' AND e.event = 'resolved'"));
        Assert.AreEqual(WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM alerts"), WarnStoreSeed.Count(test.Store, "SELECT count(DISTINCT dedup_key) FROM alerts"));
        Assert.AreEqual(11L * 51, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM signal_lights"), "the three new months were appended");

        // a revision of an old value rewrites that series' lights from the revised history
        var before = WarnStoreSeed.Count(test.Store, "SELECT round(metric * 1000) FROM signal_lights WHERE series_id = 'test:A' AND period = DATE '2015-01-01'");
        using (var connection = test.Store.Open())
        {
            using var revise = connection.CreateCommand();
            revise.CommandText = "UPDATE observations SET value = value * 1.1 WHERE series_id = 'test:A' AND period = DATE '2015-01-01'";
            revise.ExecuteNonQuery();
        }
        await job.RunAsync(CancellationToken.None);
        Assert.AreEqual(11L * 51, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM signal_lights"));
        Assert.AreNotEqual(before, WarnStoreSeed.Count(test.Store, "SELECT round(metric * 1000) FROM signal_lights WHERE series_id = 'test:A' AND period = DATE '2015-01-01'"));
    }

    [TestMethod]
    public async Task A_broad_fall_of_the_leading_components_raises_the_recession_risk_alert()
    {
        using var test = TestStore.OnDisk(WarnSchemas.All);
        foreach (var (id, phase) in new[] { ("test:A", 0.0), ("test:B", 1.0) })
        {
            WarnStoreSeed.Series(test.Store, id, id[5..]);
            var values = WarnStoreSeed.Steady(Months, phase);
            for (var t = Months - 9; t < Months; t++) values[t] = values[t - 1] * 0.985;
            WarnStoreSeed.Observations(test.Store, id, values);
        }
        await Job(test.Store, Options(), new ManualClock(new DateTime(2018, 1, 15))).RunAsync(CancellationToken.None);
        Assert.AreEqual(1L, WarnStoreSeed.Count(test.Store,
            "SELECT count(*) FROM alerts WHERE dedup_key = 'recession_risk:leading' AND state = 'open' AND severity = 'critical' AND title_zh LIKE '%衰退风险%'"));
    }

    [TestMethod]
    public async Task Acknowledging_and_muting_are_recorded_as_events()
    {
        using var test = Seeded();
        var clock = new ManualClock(new DateTime(2018, 1, 15));
        await Job(test.Store, Options(), clock).RunAsync(CancellationToken.None);
        var id = WarnStoreSeed.Count(test.Store, "SELECT alert_id FROM alerts WHERE dedup_key = 'light_red:test:U'");
        var alerts = new AlertStore(test.Store, clock);
        Assert.IsTrue(alerts.Acknowledge(id, "analyst1"));
        Assert.IsTrue(alerts.Mute(id, clock.UtcNow.AddDays(7), "analyst1"));
        Assert.AreEqual(2L, WarnStoreSeed.Count(test.Store, $"SELECT count(*) FROM alert_events WHERE alert_id = {id} AND actor = 'analyst1'"));
        Assert.AreEqual(1L, WarnStoreSeed.Count(test.Store, $"SELECT count(*) FROM alerts WHERE alert_id = {id} AND state = 'muted'"));
    }
}
