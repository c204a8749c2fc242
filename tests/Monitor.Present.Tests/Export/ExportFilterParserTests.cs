using Monitor.Present.Export;

namespace Monitor.Present.Tests.Export;

[TestClass]
public sealed class ExportFilterParserTests
{
    [TestMethod]
    public void ListsRunAndAsOfAreRead()
    {
        var options = new Dictionary<string, string?> { ["domain"] = "macro, regional", ["series"] = "a:b,c:d", ["run"] = "7" };

        var (filter, problems) = ExportFilterParser.Parse(options.GetValueOrDefault);

        Assert.IsEmpty(problems);
        CollectionAssert.AreEqual(new[] { "macro", "regional" }, filter!.Domains.ToArray());
        CollectionAssert.AreEqual(new[] { "a:b", "c:d" }, filter.SeriesIds.ToArray());
        Assert.AreEqual(7L, filter.RunId);
    }

    [TestMethod]
    public void ADateMeansEverythingKnownByTheEndOfThatDay()
    {
        var (filter, _) = ExportFilterParser.Parse(name => name == "as-of" ? "2025-01-10" : null);

        var asOf = filter!.AsOf!.Value;

        Assert.AreEqual(new DateOnly(2025, 1, 10), DateOnly.FromDateTime(asOf));
        Assert.IsGreaterThan(new TimeSpan(23, 59, 59), asOf.TimeOfDay);
        Assert.IsGreaterThan(ForecastFixture.Run1Finished, asOf, "a run finished that morning counts as of that date");
    }

    [TestMethod]
    [DataRow("run", "0", "run: '0'")]
    [DataRow("run", "x", "run: 'x'")]
    [DataRow("as-of", "2025-13-40", "as-of: '2025-13-40'")]
    [DataRow("domain", "space", "domain 'space'")]
    public void BadValuesAreNamed(string name, string value, string expected)
    {
        var (filter, problems) = ExportFilterParser.Parse(n => n == name ? value : null);

        Assert.IsNull(filter);
        StringAssert.Contains(problems[0], expected);
    }
}
