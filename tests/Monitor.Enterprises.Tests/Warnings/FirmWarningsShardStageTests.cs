using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Enterprises.Warnings;

namespace Monitor.Enterprises.Tests.Warnings;

/// <summary>The firm warnings split into shards give the rows of one run over every firm (the peer medians span shards).</summary>
[TestClass]
public sealed class FirmWarningsShardStageTests
{
    [TestMethod]
    public void Splitting_the_firms_into_shards_changes_no_warning()
    {
        using var owned = SampleFixture.OwnStore();
        var store = owned.Store;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));
        // Loose thresholds, so that which firms fall hangs on the industry-peer medians (computed over every shard's firms).
        var options = Options.Create(new EnterpriseOptions { Warnings = new WarningOptions { FallRatio = 1.2, PeerGapPoints = 5 } });

        new FirmWarnings(store, clock, options, new ScaleOptions { LocalShards = 1 }).Run();
        var whole = Warnings(store);
        new FirmWarnings(store, clock, options, new ScaleOptions { LocalShards = 5 }).Run();
        var split = Warnings(store);

        Assert.AreEqual(5L, Sql.Rows(store, "SELECT shard_count FROM scale_runs ORDER BY run_id DESC LIMIT 1", r => r.GetInt64(0)).Single());
        Assert.IsGreaterThan(400, whole.Count, "the sample's planted episodes are flagged");
        Assert.IsGreaterThan(5000, whole.Count(w => w.StartsWith("fall", StringComparison.Ordinal)), "falls against the peer medians");
        CollectionAssert.AreEqual(whole, split, "five shards must give exactly the warnings of one");
    }

    private static List<string> Warnings(MonitorStore store)
    {
        return Sql.Rows(store, """
            SELECT kind || ' ' || enterprise_id || ' ' || period || ' ' || score || ' ' || region_code || ' ' || industry_code || ' ' || computed_at
            FROM enterprise_warnings ORDER BY ALL
            """, r => r.GetString(0));
    }
}
