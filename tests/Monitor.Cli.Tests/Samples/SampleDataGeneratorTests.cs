using Monitor.Cli.Samples;
using Monitor.Testing;

namespace Monitor.Cli.Tests.Samples;

[TestClass]
public sealed class SampleDataGeneratorTests
{
    [TestMethod]
    public void CommittedSamplesAreExactlyWhatTheGeneratorMakes()
    {
        var folder = TempFolder.Create();
        try
        {
            SampleWriter.Write(new SampleDataGenerator().Generate(), folder);
            foreach (var relative in new[] { "china_sample/observations.csv", "china_sample/series.csv", "china_sample_revision/observations.csv", "china_sample_revision/series.csv", "labels.csv" })
            {
                var committed = File.ReadAllBytes(Path.Combine(RepoPaths.DataSamples, relative));
                var regenerated = File.ReadAllBytes(Path.Combine(folder, relative));
                CollectionAssert.AreEqual(committed, regenerated, $"data-samples/{relative} differs from the generator's output: run `monitor samples`");
            }
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [TestMethod]
    public void PanelCoversNationalProvincesAndIndustries()
    {
        var release = new SampleDataGenerator().Generate();

        Assert.IsGreaterThanOrEqualTo(10, release.First.Count(s => s.Domain == "macro"));
        Assert.AreEqual(31, release.First.Where(s => s.Code == "IVA_YOY" && s.RegionCode is not null).Select(s => s.RegionCode).Distinct().Count());
        Assert.AreEqual(20, release.First.Where(s => s.IndustryCode is not null).Select(s => s.IndustryCode).Distinct().Count());
        Assert.IsTrue(release.First.Single(s => s.Code == "UNEMP").CounterCyclical);
    }

    [TestMethod]
    public void JanuaryIsMergedIntoFebruaryAndYearToDateSeriesAccumulate()
    {
        var release = new SampleDataGenerator().Generate();
        var iva = release.First.Single(s => s.Code == "IVA_YOY" && s.RegionCode is null && s.IndustryCode is null);
        var fai = release.First.Single(s => s.Code == "FAI_YTD");

        Assert.IsFalse(iva.Values.Keys.Any(p => p.Month == 1), "January is released together with February");
        Assert.IsTrue(fai.Values[new DateOnly(2019, 12, 1)] > fai.Values[new DateOnly(2019, 6, 1)], "累计 values grow through the year");
        Assert.IsTrue(fai.Values[new DateOnly(2020, 2, 1)] < fai.Values[new DateOnly(2019, 12, 1)], "累计 values restart each year");
    }

    [TestMethod]
    public void RevisionChangesTheLastMonthsAndAddsOne()
    {
        var release = new SampleDataGenerator().Generate();
        var first = release.First.Single(s => s.Code == "EXPORTS").Values;
        var revised = release.Revision.Single(s => s.Code == "EXPORTS").Values;

        Assert.AreEqual(new DateOnly(2025, 9, 1), revised.Keys.Max());
        Assert.IsFalse(first.ContainsKey(new DateOnly(2025, 9, 1)));
        Assert.AreNotEqual(Math.Round(first[new DateOnly(2025, 8, 1)], 1), Math.Round(revised[new DateOnly(2025, 8, 1)], 1));
    }

    [TestMethod]
    public void EveryLabelPointsAtAGeneratedObservation()
    {
        var release = new SampleDataGenerator().Generate();
        var byId = release.First.ToDictionary(s => s.SeriesId);

        Assert.IsGreaterThanOrEqualTo(8, release.Labels.Count);
        foreach (var label in release.Labels)
            Assert.IsTrue(byId[label.SeriesId].Values.ContainsKey(label.Period), $"{label.SeriesId} {label.Period}");
        Assert.AreEqual(1, release.Labels.Count(l => l.Kind == "level_shift"));
    }
}
