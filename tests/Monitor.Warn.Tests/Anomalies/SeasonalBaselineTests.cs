using Monitor.Core.Domain;
using Monitor.Warn.Anomalies;
using Monitor.Warn.Numerics;

namespace Monitor.Warn.Tests.Anomalies;

[TestClass]
public sealed class SeasonalBaselineTests
{
    private static readonly DateOnly Start = new(2008, 1, 1);

    /// <summary>
    /// A Chinese monthly level series as NBS publishes it: a calendar-month pattern, activity down 15 % in the month of the
    /// Spring Festival and up 10 % in the next, January not published, February carrying the Jan–Feb total. A little
    /// deterministic noise (1 %) so σ is not zero.
    /// </summary>
    private static double[] ChineseLevels(int months)
    {
        var season = new[] { 1.0, 1.0, 1.05, 1.0, 1.02, 1.08, 1.1, 1.12, 1.0, 0.97, 1.0, 1.1 };
        var monthly = Enumerable.Range(0, months + 1).Select(t =>
        {
            var month = Start.AddMonths(t);
            var festival = SpringFestival.Month(month.Year) == month.Month ? 0.85 : SpringFestival.Month(month.AddMonths(-1).Year) == month.AddMonths(-1).Month ? 1.1 : 1.0;
            return 1000 * Math.Pow(1.004, t) * season[month.Month - 1] * festival * (1 + (0.01 * Math.Sin(t * 2.3)));
        }).ToArray();
        var published = new double[months];
        for (var t = 0; t < months; t++)
        {
            var month = Start.AddMonths(t).Month;
            published[t] = month == 1 ? double.NaN : month == 2 && t > 0 ? monthly[t - 1] + monthly[t] : monthly[t];
        }
        return published;
    }

    private static SeasonalAnomalyOptions Options() => new();

    [TestMethod]
    public void A_spike_inside_the_Jan_Feb_swing_is_found_and_the_festival_months_are_not()
    {
        var values = ChineseLevels(144);
        var february2019 = 133; // 2019-02: the festival fell on 5 February, so the merged Jan–Feb total is low
        var unspiked = values[february2019];
        values[february2019] *= 1.07; // +7 %: smaller than the 15 % festival dip, far outside the 1 % noise
        var series = new RegularSeries(Start, Frequency.Monthly, values);

        var scores = new SeasonalBaseline(Options()).Score(series, springFestival: true);
        var flagged = scores.Where(s => Math.Abs(s.Z) >= Options().Threshold).ToList();

        Assert.HasCount(1, flagged, string.Join("; ", flagged.Select(f => $"{f.Period:yyyy-MM} z={f.Z:F1}")));
        Assert.AreEqual(new DateOnly(2019, 2, 1), flagged[0].Period);
        Assert.IsGreaterThan(4.0, flagged[0].Z);
        // hand check: the expectation is the unspiked total to within the noise (1 % of each month)
        var expectation = flagged[0].Expected;
        Assert.AreEqual(unspiked, expectation, 0.02 * unspiked);
    }

    [TestMethod]
    public void A_baseline_that_ignores_the_moving_festival_flags_festival_swings_the_aware_one_does_not()
    {
        var series = new RegularSeries(Start, Frequency.Monthly, ChineseLevels(144));

        var plain = new SeasonalBaseline(Options()).Score(series, springFestival: false).Where(s => Math.Abs(s.Z) >= Options().Threshold).ToList();
        var aware = new SeasonalBaseline(Options()).Score(series, springFestival: true).Where(s => Math.Abs(s.Z) >= Options().Threshold).ToList();

        Assert.IsEmpty(aware, string.Join("; ", aware.Select(f => $"{f.Period:yyyy-MM} z={f.Z:F1}")));
        Assert.IsGreaterThan(0, plain.Count);
        Assert.IsTrue(plain.All(f => f.Period.Month <= 4), "the false flags are the festival months and the recovery after them");
    }

    [TestMethod]
    public void Each_verdict_uses_only_earlier_data()
    {
        var values = ChineseLevels(144);
        var full = new SeasonalBaseline(Options()).Score(new RegularSeries(Start, Frequency.Monthly, values), springFestival: true);
        var truncated = new SeasonalBaseline(Options()).Score(new RegularSeries(Start, Frequency.Monthly, values[..100]), springFestival: true);

        CollectionAssert.AreEqual(truncated, full.Take(truncated.Count).ToList());
        Assert.IsGreaterThan(truncated.Count, full.Count);
    }

    [TestMethod]
    public void The_festival_table_knows_the_moving_new_year()
    {
        Assert.AreEqual(1, SpringFestival.Month(2023)); // 22 January
        Assert.AreEqual(2, SpringFestival.Month(2024)); // 10 February
        Assert.IsNull(SpringFestival.Month(1989));
    }
}
