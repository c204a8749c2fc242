using System.Globalization;

namespace Monitor.Warn.Anomalies;

/// <summary>The seasonal scores of one series, with the calendar its baseline used.</summary>
public sealed record SeasonalSeriesScores(string SeriesId, bool SpringFestival, IReadOnlyList<SeasonalScore> Scores);

/// <summary>
/// Flags months whose seasonal residual (<see cref="SeasonalBaseline"/>) reaches the threshold, except in common-shock
/// months: when at least <c>CommonShockShare</c> of the series scored that month (and at least three of them) are beyond
/// <c>CommonShockZ</c>, the month is a shock to the whole dataset (a lockdown, a base effect), which lights and composites
/// report, not an anomaly of each series.
/// </summary>
public sealed class SeasonalSpikeDetector(SeasonalAnomalyOptions options)
{
    /// <summary>Fewest extreme series that can make a common shock: one or two spikes in a small dataset are not one.</summary>
    public const int MinimumShockSeries = 3;

    /// <param name="dataset">The scores of the monthly series of one dataset (the peers a common shock is judged against).</param>
    public IEnumerable<AnomalyFinding> Detect(IReadOnlyList<SeasonalSeriesScores> dataset) => Detect(dataset, Shocks(Tally(dataset.SelectMany(d => d.Scores))));

    /// <summary>
    /// The findings among <paramref name="dataset"/>'s scores outside the <paramref name="shocks"/> months. Only the scores
    /// that are <see cref="Candidate"/>s can be findings, so the others need not be present (a shard ships only those).
    /// </summary>
    public IEnumerable<AnomalyFinding> Detect(IReadOnlyList<SeasonalSeriesScores> dataset, IReadOnlySet<DateOnly> shocks)
    {
        foreach (var series in dataset)
        {
            foreach (var s in series.Scores)
            {
                if (!Candidate(s) || shocks.Contains(s.Period)) continue;
                yield return new AnomalyFinding(series.SeriesId, s.Period, AnomalyKinds.Seasonal, s.Z, s.Actual, s.Expected,
                    s.Lo, s.Hi,
                    English(s, series.SpringFestival), Chinese(s, series.SpringFestival));
            }
        }
    }

    /// <summary>A score that is a finding unless its month is a common shock (written as "not below", so a NaN score stays one, as it always did).</summary>
    public bool Candidate(SeasonalScore score) => !(Math.Abs(score.Z) < options.Threshold);

    /// <summary>Per month, the scores and those beyond CommonShockZ: counts that add up over any split of a dataset's series.</summary>
    public Dictionary<DateOnly, ShockTally> Tally(IEnumerable<SeasonalScore> scores)
    {
        var counts = new Dictionary<DateOnly, ShockTally>();
        foreach (var s in scores) counts[s.Period] = counts.GetValueOrDefault(s.Period) + new ShockTally(1, Math.Abs(s.Z) > options.CommonShockZ ? 1 : 0);
        return counts;
    }

    /// <summary>The months of <paramref name="counts"/> that are common shocks: the share of scored series beyond CommonShockZ reaches CommonShockShare.</summary>
    public HashSet<DateOnly> Shocks(IReadOnlyDictionary<DateOnly, ShockTally> counts) =>
        counts.Where(c => c.Value.Extreme >= MinimumShockSeries && c.Value.Extreme >= options.CommonShockShare * c.Value.Scored)
            .Select(c => c.Key).ToHashSet();

    private string English(SeasonalScore s, bool festival) => string.Create(CultureInfo.InvariantCulture,
        $"{s.Actual:G5} is {(s.Z > 0 ? "above" : "below")} its seasonal expectation {s.Expected:G5} ({Math.Abs(s.Z):F1} robust sigma): " +
        $"the last {options.Lags} months moved by their typical change in the same months of the past {options.Years} years" +
        $"{(festival ? ", Spring Festival years matched and Jan–Feb judged on their own spread" : "")}.");

    private string Chinese(SeasonalScore s, bool festival) => string.Create(CultureInfo.InvariantCulture,
        $"实际值 {s.Actual:G5} {(s.Z > 0 ? "高于" : "低于")}季节性预期值 {s.Expected:G5}（偏离 {Math.Abs(s.Z):F1} 个稳健标准差；" +
        $"预期值为近 {options.Lags} 个月的数值加上过去 {options.Years} 年同期的典型变动{(festival ? "，按春节所在月份匹配年份，1–2 月单独衡量波动" : "")}）。");
}

/// <summary>One month of a dataset: how many series were scored, and how many of them beyond CommonShockZ.</summary>
public readonly record struct ShockTally(int Scored, int Extreme)
{
    public static ShockTally operator +(ShockTally a, ShockTally b) => new(a.Scored + b.Scored, a.Extreme + b.Extreme);
}
