using System.Globalization;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Nowcast.Evaluation;
using Monitor.Nowcast.Evaluation.Shards;
using Monitor.Nowcast.Model;
using Monitor.Testing;

namespace Monitor.Nowcast.Tests.Evaluation;

/// <summary>The nowcast evaluation dealt to shards by estimation year gives exactly the rows of one shard (FRED-MD, a short span, small settings).</summary>
[TestClass]
public sealed class NowcastEvaluationShardStageTests
{
    [TestMethod]
    public void Dealing_the_estimation_years_to_shards_changes_no_row()
    {
        var panel = UsPanel.Load(Path.GetDirectoryName(RepoPaths.Dataset("fred_md"))!, "GDPC1");
        // Four indicators and a short sample keep each EM fit small; both corrections from past errors (the bias and the
        // spread over 8 quarters) and the product band are on, so the merge's second phase needs the warm-up years.
        var settings = new NowcastSettings(["PAYEMS", "INDPRO", "RETAILx", "UNRATE"], new Dictionary<string, string[]>(), 1, new DateOnly(1985, 1, 1),
            ErrorWindowQuarters: 8, BiasWindowQuarters: 8);
        var request = new NowcastEvaluationRequest(panel, settings, new EmOptions(MaxIterations: 10), new DateOnly(1996, 1, 1), new DateOnly(1997, 10, 1), ProductBandQuarters: 8);
        using var owned = TestStore.InMemory(NowcastServiceCollectionExtensions.Schema);

        var whole = Evaluate(owned.Store, request, shards: 1, threads: 1);
        var split = Evaluate(owned.Store, request, shards: 3, threads: 2);

        Assert.AreEqual(3L, Sql.Rows(owned.Store, "SELECT count(DISTINCT shard) FROM nowcast_evaluations WHERE run_id = $1", r => r.GetInt64(0), split).Single(), "every shard made rows");
        var one = Rows(owned.Store, whole);
        Assert.HasCount(3 * 16, one, "1994Q1–1997Q4: 8 warm-up and 8 scored quarters, 3 nowcasts each");
        Assert.AreEqual(4, NowcastEvaluationStore.Read(owned.Store, whole).Fits, "one EM fit a year, warm-up years included");
        // All but 1996Q1 at month 1: then 1995Q4 is not out yet, so only 7 warm-up errors are (8 are needed).
        Assert.AreEqual(23, NowcastEvaluationStore.Read(owned.Store, whole).Rows.Count(r => r.Nowcast.StandardDeviation != r.ModelDensity.StandardDeviation && r.Nowcast.Mean != r.ModelDensity.Mean),
            "the scored nowcasts have their spread and bias from the warm-up quarters' errors");
        CollectionAssert.AreEqual(one, Rows(owned.Store, split), "three shards must give exactly the rows of one");
    }

    private static long Evaluate(MonitorStore store, NowcastEvaluationRequest request, int shards, int threads)
    {
        var stage = new NowcastEvaluationShardStage { Request = request };
        ShardCoordinator.InProcess(store, stage, TimeProvider.System, new ScaleOptions { LocalShards = shards, LocalThreads = threads }).Run(stage.Key, CancellationToken.None);
        return stage.LastMergedRun ?? throw new AssertFailedException("the run was not merged");
    }

    /// <summary>Every column but the run, the shard and the timings, doubles to the last bit.</summary>
    private static List<string> Rows(MonitorStore store, long runId) => Sql.Rows(store, """
        SELECT quarter, month, scored, actual, mean, sd, model_mean, model_sd, product_sd, ar1, reestimated, em_iterations, problem
        FROM nowcast_evaluations WHERE run_id = $1 ORDER BY quarter, month
        """, r => string.Join(' ', Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "null" : r.GetValue(i) is double d ? d.ToString("R", CultureInfo.InvariantCulture) : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture))), runId);
}
