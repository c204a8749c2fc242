using Monitor.Core.Domain;
using Monitor.Core.Store;
using Monitor.Ingest.Derive;
using Monitor.Testing;

namespace Monitor.Ingest.Tests.Derive;

/// <summary>Derived series checked against values read by hand from the real files.</summary>
[TestClass]
public sealed class SeriesTransformsTests
{
    private static Observation M(int year, int month, double value) => new(new DateOnly(year, month, 1), value);

    [TestMethod]
    public void FredTcodesMatchHandComputedIndproValues()
    {
        // FRED-MD INDPRO 1959-01..03 as published: 21.9616, 22.3917, 22.7142.
        var indpro = new[] { M(1959, 1, 21.9616), M(1959, 2, 22.3917), M(1959, 3, 22.7142) };

        Assert.AreEqual(22.3917 - 21.9616, SeriesTransforms.FredTcode(indpro, Frequency.Monthly, 2)[0].Value, 1e-12);
        Assert.AreEqual((22.7142 - 22.3917) - (22.3917 - 21.9616), SeriesTransforms.FredTcode(indpro, Frequency.Monthly, 3)[0].Value, 1e-12);
        Assert.AreEqual(Math.Log(21.9616), SeriesTransforms.FredTcode(indpro, Frequency.Monthly, 4)[0].Value, 1e-12);
        Assert.AreEqual(Math.Log(22.3917 / 21.9616), SeriesTransforms.FredTcode(indpro, Frequency.Monthly, 5)[0].Value, 1e-12);
        Assert.AreEqual(Math.Log(22.7142 / 22.3917) - Math.Log(22.3917 / 21.9616), SeriesTransforms.FredTcode(indpro, Frequency.Monthly, 6)[0].Value, 1e-12);
        Assert.AreEqual((22.7142 / 22.3917 - 1) - (22.3917 / 21.9616 - 1), SeriesTransforms.FredTcode(indpro, Frequency.Monthly, 7)[0].Value, 1e-12);
        Assert.AreEqual(3, SeriesTransforms.FredTcode(indpro, Frequency.Monthly, 1).Count);
    }

    [TestMethod]
    public void YearOnYearNeedsTheSamePeriodAYearBefore()
    {
        var indpro = new[] { M(1959, 1, 21.9616), M(1959, 2, 22.3917), M(1960, 1, 24.1658) };

        var yoy = SeriesTransforms.Apply("yoy", indpro, Frequency.Monthly);

        Assert.AreEqual(1, yoy.Count);
        Assert.AreEqual(100 * (24.1658 / 21.9616 - 1), yoy[0].Value, 1e-9);
    }

    [TestMethod]
    public void YtdToSingleKeepsTheMergedJanuaryFebruaryRelease()
    {
        // CN_RETAIL_YTD 2024: Feb (Jan–Feb merged) 81306.9, Mar 120326.8, Apr 156025.8 (NBS's own single months: 39019.9, 35699.1).
        var ytd = new[] { M(2024, 2, 81306.9), M(2024, 3, 120326.8), M(2024, 4, 156025.8) };

        var single = SeriesTransforms.YtdToSingle(ytd, Frequency.Monthly);

        CollectionAssert.AreEqual(new[] { 81306.9, 39019.9, 35699.0 }, single.Select(o => Math.Round(o.Value, 1)).ToArray());
    }

    [TestMethod]
    public void YtdConversionOfTheRealRetailFileMatchesThePublishedSingleMonths()
    {
        var folder = RepoPaths.Dataset("china_macro_monthly");
        using var h = new IngestHarness();
        h.Ingest(folder, source: "cn", dataset: null);
        var deriver = new SeriesDeriver(h.Store, h.Writer, TimeProvider.System);

        var result = deriver.Derive("china_macro_monthly:CN_RETAIL_YTD", "ytd-single");

        Assert.AreEqual("succeeded", result.Status, string.Join("\n", result.Problems));
        var reader = new SeriesReader(h.Store);
        var derived = reader.History("china_macro_monthly:CN_RETAIL_YTD__ytd-single").ToDictionary(o => o.Period, o => o.Value);
        var published = reader.History("china_macro_monthly:CN_RETAIL");
        var compared = published.Where(o => o.Period.Month > 2 && derived.ContainsKey(o.Period)).ToList();
        Assert.IsGreaterThan(100, compared.Count);
        var close = compared.Count(o => Math.Abs(derived[o.Period] - o.Value) <= 0.15);
        Assert.IsGreaterThan(0.9 * compared.Count, close, "single months from YTD differences match NBS's own single-month releases");
        Assert.AreEqual("china_macro_monthly:CN_RETAIL_YTD", h.Scalar("SELECT parent_series_id FROM derived_series WHERE method = 'ytd-single'"));
    }

    [TestMethod]
    public void DerivingTwiceAddsNoVintage()
    {
        var folder = RepoPaths.Dataset("fred_md");
        using var h = new IngestHarness();
        h.Ingest(folder, source: "md", dataset: null);
        var deriver = new SeriesDeriver(h.Store, h.Writer, TimeProvider.System);

        var first = deriver.Derive("fred_md:INDPRO", "tcode5");
        var second = deriver.Derive("fred_md:INDPRO", "tcode5");

        Assert.AreEqual((799L, 0L, 799L), (first.RowsNew, second.RowsNew, second.RowsUnchanged));
        Assert.AreEqual(Math.Log(22.3917 / 21.9616), (double)h.Scalar("SELECT value FROM current_observations WHERE series_code = 'INDPRO__tcode5' AND period = DATE '1959-02-01'")!, 1e-12);
    }
}
