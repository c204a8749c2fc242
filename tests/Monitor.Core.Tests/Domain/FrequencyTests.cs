using Monitor.Core.Domain;

namespace Monitor.Core.Tests.Domain;

[TestClass]
public sealed class FrequencyTests
{
    [TestMethod]
    [DataRow("M", 12)]
    [DataRow("Q", 4)]
    [DataRow("A", 1)]
    public void SeasonLengthFollowsTheMCompetitionConvention(string code, int expected) =>
        Assert.AreEqual(expected, FrequencyExtensions.ParseFrequency(code).SeasonLength());

    [TestMethod]
    public void QuarterArithmeticStaysOnQuarterStarts()
    {
        Assert.AreEqual(new DateOnly(2025, 1, 1), Frequency.Quarterly.AddPeriods(new DateOnly(2024, 10, 1), 1));
        Assert.AreEqual(new DateOnly(2024, 7, 1), Frequency.Quarterly.PeriodStart(new DateOnly(2024, 9, 30)));
    }

    [TestMethod]
    public void SeriesKeyKeepsRegionAndIndustryApart()
    {
        Assert.AreEqual("p:GDP:CN-BJ", SeriesKey.Compose("p", "GDP", "CN-BJ"));
        Assert.AreEqual("q:VA::C", SeriesKey.Compose("q", "VA", null, "C"));
    }
}
