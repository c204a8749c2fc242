using Microsoft.Extensions.Options;
using Monitor.Core.Store;
using Monitor.Enterprises.Warnings;
using Monitor.Ingest.Vintage;

namespace Monitor.Enterprises.Tests.Warnings;

/// <summary>The warnings on the generated sample against its planted, labelled episodes (in-sample: the thresholds were set by hand, not fitted).</summary>
[TestClass]
public sealed class FirmWarningsTests
{
    private static SampleFixture _sample = null!;
    private static WarningEvaluation.Score _score = null!;

    [ClassInitialize]
    public static void Run(TestContext context)
    {
        _sample = SampleFixture.Instance;
        _ = new FirmWarnings(_sample.Store.Store, TimeProvider.System, Options.Create(new EnterpriseOptions())).Run();
        _score = new WarningEvaluation(_sample.Store.Store).Evaluate(_sample.Labels);
        context.WriteLine("enterprise warnings on the sample: " + _score);
        Console.WriteLine("enterprise warnings on the sample: " + _score);
    }

    [TestMethod]
    public void PlantedEpisodesAreFoundWithFewFalseFlags()
    {
        Assert.IsGreaterThanOrEqualTo(0.90, _score.Recall, _score.ToString());
        Assert.IsLessThanOrEqualTo(0.10, _score.FalseShare, _score.ToString());
    }

    [TestMethod]
    public void EachKindIsFoundForItsOwnEpisodes()
    {
        foreach (var kind in _sample.Labels.Select(l => l.Kind).Distinct())
        {
            var score = new WarningEvaluation(_sample.Store.Store).Evaluate(_sample.Labels.Where(l => l.Kind == kind).ToList());
            Assert.IsGreaterThanOrEqualTo(0.85, score.Recall, $"{kind}: {score}");
        }
    }

    [TestMethod]
    public void StressIndexIsWrittenAsCounterCyclicalSeries()
    {
        var stress = new StressIndex(_sample.Store.Store, new VintageWriter(_sample.Store.Store, TimeProvider.System), Options.Create(new EnterpriseOptions()));
        var result = stress.Publish();
        Assert.IsTrue(result.Succeeded, result.Summary());
        using var connection = _sample.Store.Store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT count(*), count(*) FILTER (WHERE region_code IS NULL AND industry_code IS NULL), bool_and(counter_cyclical)
            FROM series WHERE dataset = 'enterprise_stress'
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.IsGreaterThan(31L, reader.GetInt64(0), "provinces, sections and province × section cells");
        Assert.AreEqual(1L, reader.GetInt64(1), "one national series");
        Assert.IsTrue(reader.GetBoolean(2));
    }
}
