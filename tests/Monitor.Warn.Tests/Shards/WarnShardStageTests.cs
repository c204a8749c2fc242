using System.Globalization;
using Microsoft.Extensions.Options;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Ingest.Store;
using Monitor.Testing;
using Monitor.Warn.Job;
using Monitor.Warn.Shards;
using Monitor.Warn.Tests.Job;

namespace Monitor.Warn.Tests.Shards;

/// <summary>The warn stage split into shards writes exactly the rows of one shard (panels, spikes, composites and alerts span shards).</summary>
[TestClass]
public sealed class WarnShardStageTests
{
    [TestMethod]
    public async Task Splitting_the_series_into_shards_changes_no_row_of_any_warn_table()
    {
        var clock = new ManualClock(new DateTime(2025, 10, 20));
        using var test = TestStore.InMemory(IngestSchema.Scripts.Concat(WarnSchemas.All));
        var store = test.Store;
        WarnStoreSeed.SamplePanel(store, clock);
        // a series too short to analyse still gets its no-data alert
        WarnStoreSeed.Series(store, "test:SHORT", "SHORT");
        WarnStoreSeed.Observations(store, "test:SHORT", [1.0, 2.0]);

        var one = await Run(store, clock, shards: 1);
        var whole = WarnTables.Snapshot(store);
        var inMemory = InMemory(store, clock);
        var stored = Sql.Rows(store, "SELECT series_id, period, kind, score FROM anomalies", r => Anomaly(r.GetString(0), r.Day(1), r.GetString(2), r.GetDouble(3))).Order(StringComparer.Ordinal).ToList();
        Clear(store);
        var five = await Run(store, clock, shards: 5);
        var split = WarnTables.Snapshot(store);

        StringAssert.Contains(one, "from 1 shard(s)");
        StringAssert.Contains(five, "from 5 shard(s)");
        Assert.AreEqual(5L, Sql.Rows(store, "SELECT shard_count FROM scale_runs ORDER BY run_id DESC LIMIT 1", r => r.GetInt64(0)).Single());
        foreach (var kind in new[] { "interval", "cross_section", "seasonal" })
            Assert.IsTrue(whole[0].Any(row => row.Contains($"|{kind}|", StringComparison.Ordinal)), $"the sample gives {kind} anomalies");
        Assert.IsTrue(whole[3].Any(row => row.StartsWith("|leading_cn|", StringComparison.Ordinal)), "the sample's leading composite");
        Assert.IsTrue(whole[6].Any(row => row.Contains("test:SHORT", StringComparison.Ordinal)), "the short series' no-data alert");
        CollectionAssert.AreEqual(inMemory, stored, "through the shard files, the anomalies (and their scores) of the computation in memory");
        WarnTables.AssertEqual(whole, split, "five shards must write exactly the rows of one");
    }

    /// <summary>The anomalies of the unsharded computation in memory (what the preview runs), as stored rows.</summary>
    private static List<string> InMemory(MonitorStore store, TimeProvider clock)
    {
        var (inputs, computation, _) = new WarnShardStage(store, new WarnInputReader(store, new SeriesReader(store)), Options.Create(new WarnOptions()), clock).Load();
        return computation.Run(inputs, clock.GetUtcNow().UtcDateTime).Anomalies.DistinctBy(a => (a.SeriesId, a.Period, a.Kind))
            .Select(a => Anomaly(a.SeriesId, a.Period, a.Kind, a.Score)).Order(StringComparer.Ordinal).ToList();
    }

    private static string Anomaly(string series, DateOnly period, string kind, double score) =>
        string.Create(CultureInfo.InvariantCulture, $"{series} {period:yyyy-MM-dd} {kind} {score:R}");

    /// <summary>Empties the warn tables, so the second run starts from the state the first one did.</summary>
    private static void Clear(MonitorStore store)
    {
        using var connection = store.Open();
        foreach (var table in new[] { "anomalies", "signal_lights", "warn_light_config", "composite_readings", "composite_contributions", "turning_points", "alert_events", "alerts", "alert_grouping" })
            Sql.Execute(connection, null, $"DELETE FROM {table}");
    }

    private static Task<string> Run(MonitorStore store, TimeProvider clock, int shards) =>
        new WarnJob(store, new WarnInputReader(store, new SeriesReader(store)), Options.Create(new WarnOptions()), clock, new ScaleOptions { LocalShards = shards })
            .RunAsync(CancellationToken.None);
}
