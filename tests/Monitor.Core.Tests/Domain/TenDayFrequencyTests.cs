using Monitor.Core.Domain;

namespace Monitor.Core.Tests.Domain;

/// <summary>Ten-day (旬) and half-year period arithmetic.</summary>
[TestClass]
public sealed class TenDayFrequencyTests
{
    [TestMethod]
    [DataRow("2025-01-01", 1, "2025-01-11")]
    [DataRow("2025-01-21", 1, "2025-02-01")]
    [DataRow("2025-02-21", 2, "2025-03-11")]
    [DataRow("2025-01-01", -1, "2024-12-21")]
    [DataRow("2025-01-11", 36, "2026-01-11")]
    public void Ten_day_periods_step_three_to_a_month(string from, int steps, string to) =>
        Assert.AreEqual(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), Frequency.TenDay.AddPeriods(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), steps));

    [TestMethod]
    public void Period_starts_and_codes()
    {
        Assert.AreEqual(new DateOnly(2025, 2, 21), Frequency.TenDay.PeriodStart(new DateOnly(2025, 2, 28)));
        Assert.AreEqual(new DateOnly(2025, 7, 1), Frequency.HalfYearly.PeriodStart(new DateOnly(2025, 9, 30)));
        Assert.IsFalse(Frequency.TenDay.IsPeriodStart(new DateOnly(2025, 2, 12)));
        Assert.AreEqual(Frequency.TenDay, FrequencyExtensions.ParseFrequency("T"));
        Assert.AreEqual("S", Frequency.HalfYearly.Code());
        Assert.AreEqual(36, Frequency.TenDay.SeasonLength());
    }
}
