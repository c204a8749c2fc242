namespace Monitor.Warn.Evaluation;

/// <summary>
/// The documented search that freezes the leading rule's settings on a training period: every combination of the grid
/// (percentile × persistence × curve gate; breadth 0.5, 36 months of history and hysteresis fixed) is scored on the
/// training months only — peaks up to the training end, false alarms starting in it, the reference chronology cut at
/// the same date — and the best by, in order, most peaks detected, fewest false alarms, longest median lead (capped at
/// 12 months: earlier is not better beyond a year), then the grid's order (the old defaults first) wins. The statistics
/// are computed causally, so nothing after the training end can influence the choice.
/// </summary>
public static class SettingsSearch
{
    public static readonly double[] Percentiles = [25, 10, 15, 20, 30, 35];
    public static readonly int[] Persistences = [3, 1, 2, 4];
    public static readonly double[] CurveGates = [0.75, double.NaN, 0.5, 1.0, 1.5];

    /// <summary>The chosen settings and their training score.</summary>
    public static (LeadingRuleSettings Settings, WarningScore Score) Run(IReadOnlyList<CompositeComponentOption> components, LeadingStatistics statistics,
        DatasetFolder data, ReferenceCycle reference, DateOnly from, DateOnly trainUntil)
    {
        var best = Best(Grid(components, statistics, data, reference, from, trainUntil));
        return (best.Settings, best.Training);
    }

    /// <summary>The best point of a scored grid: the first in grid order among those no other point beats.</summary>
    public static GridPoint Best(IReadOnlyList<GridPoint> grid) =>
        grid.Aggregate((best, point) => Better(point.Training, best.Training) ? point : best);

    /// <summary>Every combination of the grid, in grid order, with its warnings and its score on the training months.</summary>
    public static IReadOnlyList<GridPoint> Grid(IReadOnlyList<CompositeComponentOption> components, LeadingStatistics statistics,
        DatasetFolder data, ReferenceCycle reference, DateOnly from, DateOnly trainUntil)
    {
        var known = new ReferenceCycle(reference.Peaks.Where(p => p <= trainUntil).ToList(), reference.Recessions.Where(r => r.First <= trainUntil).ToList());
        var grid = new List<GridPoint>();
        foreach (var percentile in Percentiles)
        foreach (var persistence in Persistences)
        foreach (var gate in CurveGates)
        {
            var settings = new LeadingRuleSettings(Percentile: percentile, Persistence: persistence, CurveBelow: gate);
            var warnings = new LeadingCompositeRule(components, settings).Warnings(statistics, data.IndexOf(from));
            grid.Add(new GridPoint(settings, warnings, WarningScorer.Score("leading composite", data, warnings, known, from, trainUntil)));
        }
        return grid;
    }

    /// <summary>The training-score order of the search (most peaks, fewest false alarms, longest capped lead): whether <paramref name="a"/> beats <paramref name="b"/>.</summary>
    public static bool Better(WarningScore a, WarningScore b)
    {
        if (a.Detected != b.Detected) return a.Detected > b.Detected;
        if (a.FalseAlarmStarts.Count != b.FalseAlarmStarts.Count) return a.FalseAlarmStarts.Count < b.FalseAlarmStarts.Count;
        return Math.Min(a.MedianLead ?? 0, 12) > Math.Min(b.MedianLead ?? 0, 12);
    }
}

/// <summary>One setting of the search grid with its monthly warnings and its training score.</summary>
public sealed record GridPoint(LeadingRuleSettings Settings, bool[] Warnings, WarningScore Training);
