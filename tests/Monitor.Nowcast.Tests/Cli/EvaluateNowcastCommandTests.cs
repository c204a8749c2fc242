using Monitor.Core.Cli;
using Monitor.Core.Store;
using Monitor.Nowcast.Cli;
using Monitor.Testing;

namespace Monitor.Nowcast.Tests.Cli;

/// <summary>`monitor evaluate-nowcast` reports from the rows merged into its store, and the shard count changes no figure.</summary>
[TestClass]
public sealed class EvaluateNowcastCommandTests
{
    [TestMethod]
    public async Task Two_shards_on_two_threads_print_the_figures_of_one()
    {
        var datasets = Path.GetDirectoryName(RepoPaths.Dataset("fred_md"))!;
        var folder = TempFolder.Create();
        try
        {
            var one = await Evaluate(datasets, Path.Combine(folder, "one.duckdb"), "1", "1");
            var two = await Evaluate(datasets, Path.Combine(folder, "two.duckdb"), "2", "2");

            StringAssert.StartsWith(one[^1], "overall: n=4 ");
            Assert.AreEqual(WithoutTimes(one[^1]), WithoutTimes(two[^1]), "the figures do not depend on the shards");
            CollectionAssert.AreEqual(one.Where(l => l.StartsWith("month", StringComparison.Ordinal)).ToList(), two.Where(l => l.StartsWith("month", StringComparison.Ordinal)).ToList());
            StringAssert.Contains(two.Single(l => l.StartsWith("run:", StringComparison.Ordinal)), "shards=2 threads=2");
            using var store = new MonitorStore(new StoreOptions { Path = Path.Combine(folder, "two.duckdb") }, NowcastServiceCollectionExtensions.Schema);
            Assert.AreEqual(36L, Sql.Rows(store, "SELECT count(*) FROM nowcast_evaluations", r => r.GetInt64(0)).Single(), "1994–1996 kept, warm-up years included");
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [TestMethod]
    public async Task The_em_options_reach_the_shards_fits()
    {
        var datasets = Path.GetDirectoryName(RepoPaths.Dataset("fred_md"))!;
        var folder = TempFolder.Create();
        try
        {
            var plain = await Evaluate(datasets, Path.Combine(folder, "plain.duckdb"), "2", "1");
            var accelerated = await Evaluate(datasets, Path.Combine(folder, "squarem.duckdb"), "2", "1", "--em-tolerance", "1e-6", "--em-accelerate");

            StringAssert.Contains(plain.Single(l => l.StartsWith("settings:", StringComparison.Ordinal)), "em_tolerance=1e-4 em_accelerate=False");
            StringAssert.Contains(accelerated.Single(l => l.StartsWith("settings:", StringComparison.Ordinal)), "em_tolerance=1e-6 em_accelerate=True");
            Assert.AreNotEqual(WithoutTimes(plain[^1]), WithoutTimes(accelerated[^1]), "other EM limits, other parameters, other nowcasts");
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    private static async Task<string[]> Evaluate(string datasets, string db, string shards, string threads, params string[] more)
    {
        using var output = new StringWriter();
        var code = await new EvaluateNowcastCommand().RunAsync(CommandLineArgs.Parse<EvaluateNowcastCommand>([
            "--datasets", datasets, "--from", "1996Q1", "--to", "1996Q4", "--indicators", "PAYEMS,INDPRO,RETAILx,UNRATE", "--blocks", "real=INDPRO,RETAILx",
            "--sample-start", "1985-01", "--error-window-quarters", "8", "--max-iter", "10", "--quiet", "--shards", shards, "--threads", threads, "--db", db, .. more]),
            output, CancellationToken.None);
        Assert.AreEqual(0, code, output.ToString());
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static string WithoutTimes(string overall) => overall[..overall.IndexOf(" ms_per_nowcast=", StringComparison.Ordinal)];
}
