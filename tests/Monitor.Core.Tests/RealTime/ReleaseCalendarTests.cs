using Monitor.Core.Domain;
using Monitor.Core.RealTime;

namespace Monitor.Core.Tests.RealTime;

[TestClass]
public sealed class ReleaseCalendarTests
{
    private static DateOnly Release(string dataset, string code, Frequency frequency, string period) =>
        ReleaseCalendar.Defaults.For(dataset, code, frequency).ReleaseDate(DateOnly.Parse(period, System.Globalization.CultureInfo.InvariantCulture));

    [TestMethod]
    public void FredMdGroupsPublishZeroOneOrTwoMonthsAfterTheMonth()
    {
        Assert.AreEqual(new DateOnly(2024, 3, 31), Release("fred_md", "GS10", Frequency.Monthly, "2024-03-01"), "interest rates: 0 months");
        Assert.AreEqual(new DateOnly(2024, 3, 31), Release("fred_md", "CLAIMSx", Frequency.Monthly, "2024-03-01"), "claims: 0 months");
        Assert.AreEqual(new DateOnly(2024, 4, 30), Release("fred_md", "PAYEMS", Frequency.Monthly, "2024-03-01"), "employment: 1 month");
        Assert.AreEqual(new DateOnly(2024, 5, 31), Release("fred_md", "RPI", Frequency.Monthly, "2024-03-01"), "personal income: 2 months");
        Assert.AreEqual(new DateOnly(2024, 3, 31), Release("fred_md", "GS10__tcode2", Frequency.Monthly, "2024-03-01"), "a derived series follows its parent");
    }

    [TestMethod]
    public void QuarterlyGdpPublishesDaysAfterTheQuarter()
    {
        Assert.AreEqual(new DateOnly(2024, 4, 30), Release("fred_qd", "GDPC1", Frequency.Quarterly, "2024-01-01"), "FRED-QD: 30 days after 31 March");
        Assert.AreEqual(new DateOnly(2024, 4, 17), Release("china_nbs_quarterly_gdp", "GDP", Frequency.Quarterly, "2024-01-01"), "NBS: 17 days");
    }

    [TestMethod]
    public void NbsMonthlyOnTheFifteenthPmiOnTheLastDayAndJanuaryWithFebruary()
    {
        Assert.AreEqual(new DateOnly(2024, 4, 15), Release("china_macro_monthly", "CN_CPI_YOY", Frequency.Monthly, "2024-03-01"));
        Assert.AreEqual(new DateOnly(2024, 2, 29), Release("china_macro_monthly", "CN_PMI_MFG", Frequency.Monthly, "2024-02-01"));
        Assert.AreEqual(new DateOnly(2024, 3, 15), Release("china_macro_monthly", "CN_RETAIL_YTD", Frequency.Monthly, "2024-01-01"), "merged Jan–Feb release");
        Assert.AreEqual(new DateOnly(2024, 2, 15), Release("china_macro_monthly", "CN_CPI_YOY", Frequency.Monthly, "2024-01-01"), "CPI publishes January alone");
    }

    [TestMethod]
    public void UnknownDatasetsFallBackToTheFrequencyDefault()
    {
        Assert.AreEqual(new DateOnly(2024, 4, 30), Release("mine", "X", Frequency.Monthly, "2024-03-01"));
        Assert.AreEqual(new DateOnly(2025, 3, 31), Release("mine", "X", Frequency.Annual, "2024-01-01"));
    }

    [TestMethod]
    public void ExplicitDatesWinOverRulesAndTheMostSpecificRuleWins()
    {
        var calendar = new ReleaseCalendar(
            [
                new ReleaseRule("*", "*", "M", 1, null, null),
                new ReleaseRule("d", "CPI*", "M", 0, 20, null),
                new ReleaseRule("d", "CPI_CORE", "M", 2, 1, null),
            ],
            [("d", "CPI*", new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 11))]);

        Assert.AreEqual(new DateOnly(2024, 4, 11), calendar.For("d", "CPI_YOY", Frequency.Monthly).ReleaseDate(new DateOnly(2024, 3, 1)), "stated date");
        Assert.AreEqual(new DateOnly(2024, 2, 20), calendar.For("d", "CPI_YOY", Frequency.Monthly).ReleaseDate(new DateOnly(2024, 2, 1)), "prefix rule");
        Assert.AreEqual(new DateOnly(2024, 4, 1), calendar.For("d", "CPI_CORE", Frequency.Monthly).ReleaseDate(new DateOnly(2024, 2, 1)), "exact code rule");
        Assert.AreEqual(new DateOnly(2024, 3, 31), calendar.For("e", "CPI_YOY", Frequency.Monthly).ReleaseDate(new DateOnly(2024, 2, 1)), "other dataset: default");
    }
}
