using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Store;
using Monitor.Nowcast.Job;
using Monitor.Nowcast.Tests.Model;
using Monitor.Testing;
using Monitor.Warn.Alerts;
using static Monitor.Testing.NowcastTestPanel;
using static Monitor.Testing.StoreSql;

namespace Monitor.Nowcast.Tests.Job;

[TestClass]
public sealed class NowcastJobTests
{
    private static NowcastOptions Options(params string[] extra) => new()
    {
        AlertMove = 0.01,
        ReplayQuarters = 2,
        MaxIterations = 30,
        Targets =
        [
            new NowcastTargetOptions
            {
                Code = "t", Name = "Test GDP", NameZh = "测试 GDP", Target = "test:gdp", TargetTransform = "level", Aggregation = "mariano-murasawa", Unit = "%",
                Indicators = [.. Enumerable.Range(0, 6).Select(i => $"test:m{i}").Concat(extra).Select((s, i) => new NowcastIndicatorOptions { Series = s, Block = i < 3 ? "real" : "labour" })],
            },
        ],
    };

    [TestMethod]
    public async Task FirstRunStoresAPathThenNewReleasesBringNewsThatAddUp()
    {
        using var test = TestStore.OnDisk(NowcastServiceCollectionExtensions.Schema.Concat(WarnServiceCollectionExtensions.Schema));
        var (_, data) = DfmTests.Simulated(150);
        Load(test.Store, data, upTo: 147);
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var job = Job(test.Store, Options(), clock);

        var first = await job.RunAsync(CancellationToken.None);
        var store = new NowcastStore(test.Store);
        var rows = store.Nowcasts("t");
        Assert.IsTrue(rows.Count(r => r.Kind == "replay") >= 5, first);
        var update = rows.Single(r => r.Kind == "update");
        Assert.AreEqual("ok", update.Status, update.Note);
        Assert.IsTrue(update.Low80 < update.Mean && update.Mean < update.High80);
        StringAssert.Contains(update.Note, "80% band from the errors of the last 20 published quarters", "the band shown is calibrated on past errors");
        Assert.AreEqual(6, store.Inputs(update.Id).Count);
        Assert.AreEqual(0, store.News(update.Id).Count, "the first update's news is measured against the replayed path");

        StringAssert.Contains(await job.RunAsync(CancellationToken.None), "unchanged");

        clock.Advance(TimeSpan.FromDays(30));
        Release(test.Store, data, month: 148, [0, 1, 2], new DateTime(2025, 1, 20, 0, 0, 0, DateTimeKind.Utc));
        await job.RunAsync(CancellationToken.None);
        var second = store.Nowcasts("t").Last();
        var news = store.News(second.Id);
        Assert.AreEqual(3, news.Count);
        Assert.AreEqual(second.Mean!.Value - second.PreviousMean!.Value, second.RevisionEffect!.Value + news.Sum(n => n.Impact), 1e-9);
        CollectionAssert.AreEquivalent(new[] { "real" }, news.Select(n => n.Block).Distinct().ToArray());
        Assert.AreEqual(1L, Scalar(test.Store, "SELECT count(*) FROM alerts WHERE rule = 'nowcast_move'"), "moved by more than 0.01");
    }

    [TestMethod]
    public async Task TooLittleHistoryIsARecordedReasonAndAStoppedIndicatorIsDropped()
    {
        using var test = TestStore.OnDisk(NowcastServiceCollectionExtensions.Schema.Concat(WarnServiceCollectionExtensions.Schema));
        var (_, data) = DfmTests.Simulated(150);
        Load(test.Store, data, upTo: 147);
        AddSeries(test.Store, "test:old", [(Start, 1.0, new DateTime(2012, 2, 1, 0, 0, 0, DateTimeKind.Utc))]);
        var options = Options("test:old", "test:never");
        options.Targets[0].Indicators[^1].Transform = "tcode";
        var job = Job(test.Store, options, new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        await job.RunAsync(CancellationToken.None);
        var store = new NowcastStore(test.Store);
        var update = store.Nowcasts("t").Single(r => r.Kind == "update");
        Assert.AreEqual("ok", update.Status, update.Note);
        StringAssert.Contains(update.Note, "test:old: stopped publishing");
        Assert.AreEqual("dropped", store.Inputs(update.Id).Single(i => i.SeriesId == "test:old").Status);
        Assert.AreEqual("no values in the store", store.Inputs(update.Id).Single(i => i.SeriesId == "test:never").Note, "a missing series is dropped, its transform code never asked for");

        using var fresh = TestStore.OnDisk(NowcastServiceCollectionExtensions.Schema.Concat(WarnServiceCollectionExtensions.Schema));
        Load(fresh.Store, data, upTo: 147);
        var tooFew = Options();
        tooFew.MinimumQuarters = 100;
        var summary = await Job(fresh.Store, tooFew, new FakeTimeProvider()).RunAsync(CancellationToken.None);
        var failed = new NowcastStore(fresh.Store).Nowcasts("t").Last();
        Assert.AreEqual("failed", failed.Status, summary);
        StringAssert.Contains(failed.Note, "at least 100 are needed");
    }

    [TestMethod]
    public async Task AFailedRunBeforeAnyDataDoesNotMakeEveryLaterRunStartAgain()
    {
        using var test = TestStore.OnDisk(NowcastServiceCollectionExtensions.Schema.Concat(WarnServiceCollectionExtensions.Schema));
        var job = Job(test.Store, Options(), new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        StringAssert.Contains(await job.RunAsync(CancellationToken.None), "no values in the store");

        var (_, data) = DfmTests.Simulated(150);
        Load(test.Store, data, upTo: 147);
        StringAssert.Contains(await job.RunAsync(CancellationToken.None), " [", "the data came: a nowcast with its band");
        var third = await job.RunAsync(CancellationToken.None);

        StringAssert.Contains(third, "unchanged", "the failed run's time is later than every vintage, but it is not the latest run");
        Assert.AreEqual(2, new NowcastStore(test.Store).Nowcasts("t").Count(r => r.Kind == "update"));
    }

    [TestMethod]
    public void IndicatorsLoadOnTheirBlockFactorWhenTheBlockHasTwoInUse()
    {
        var target = Options().Targets[0];
        target.Indicators[0].Factor = target.Indicators[1].Factor = "real";
        target.Indicators[2].Factor = "nominal"; // alone in its block: the global factor only
        target.Indicators[3].Factor = target.Indicators[4].Factor = "labour";

        var (blocks, loads) = NowcastTargetRun.FactorBlocks(target, [.. target.Indicators.Select(i => i.Series)]);

        CollectionAssert.AreEqual(new[] { "global", "real", "labour" }, blocks.ToArray());
        CollectionAssert.AreEqual(new[] { "0,1", "0,1", "0", "0,2", "0,2", "0" }, loads.Select(l => string.Join(",", l)).ToArray());
    }

    private static NowcastJob Job(MonitorStore store, NowcastOptions options, TimeProvider clock) =>
        new(store, new NowcastStore(store), new SeriesReader(store), new AlertStore(store, clock), Microsoft.Extensions.Options.Options.Create(options), clock);
}
