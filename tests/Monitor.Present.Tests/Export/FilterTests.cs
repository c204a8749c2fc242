using System.Text;
using Monitor.Present.Export;
using Monitor.Testing;

namespace Monitor.Present.Tests.Export;

[TestClass]
public sealed class FilterTests : SmallFixtureTest
{
    [TestMethod]
    public void DomainRegionAndIndustryNarrowTheSeries()
    {
        CollectionAssert.AreEqual(new[] { "prov:gdp:44" }, SeriesOf(new ExportFilter { Domains = ["regional"] }));
        CollectionAssert.AreEqual(new[] { "prov:gdp:44" }, SeriesOf(new ExportFilter { Regions = ["44"] }));
        CollectionAssert.AreEqual(new[] { "ind:out:C26" }, SeriesOf(new ExportFilter { Industries = ["C26"] }));
        CollectionAssert.AreEqual(new[] { "ind:out:C26", "nbs:cpi" }, SeriesOf(new ExportFilter { SeriesIds = ["nbs:cpi", "ind:out:C26"] }));
    }

    [TestMethod]
    public void AsOfPicksTheRunFinishedByThenAndRunPicksThatRun()
    {
        var asOf = Rows(new ExportFilter { AsOf = ForecastFixture.Run1Finished.AddDays(1), SeriesIds = ["nbs:cpi"] });
        var run1 = Rows(new ExportFilter { RunId = 1 });
        var latest = Rows(new ExportFilter { SeriesIds = ["nbs:cpi"] });
        var model = ExportColumns.IndexOf("model");

        Assert.AreEqual("ets", asOf[0][model], "as of January only run 1 existed");
        Assert.AreEqual(9, run1.Count, "run 1 covers three series");
        Assert.AreEqual("lightgbm", latest[0][model]);
        Assert.AreEqual(0, Rows(new ExportFilter { AsOf = new DateTime(2024, 1, 1) }).Count, "nothing was forecast before the first run");
    }

    [TestMethod]
    public void InconsistentFiltersAreRefusedWithAReason()
    {
        StringAssert.Contains(new ExportFilter { RunId = 1, AsOf = DateTime.Today }.Problem(), "exclude each other");
        StringAssert.Contains(new ExportFilter { Domains = ["space"] }.Problem(), "'space'");
        Assert.IsNull(new ExportFilter { Domains = ["macro"] }.Problem());
    }

    private string[] SeriesOf(ExportFilter filter) => Rows(filter).Select(r => r[0]).Distinct().ToArray();

    private List<List<string>> Rows(ExportFilter filter)
    {
        var path = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".csv");
        new ForecastExporter(Store, TimeProvider.System).ExportToFile(ExportFormat.Csv, filter, path);
        return ExportReadBack.Csv(File.ReadAllText(path, Encoding.UTF8)).Skip(1).ToList();
    }
}
