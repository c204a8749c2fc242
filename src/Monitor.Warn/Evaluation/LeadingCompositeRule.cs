using Monitor.Warn.Composites;
using Monitor.Warn.Numerics;

namespace Monitor.Warn.Evaluation;

/// <summary>
/// The leading composite's warning, pseudo-real-time: for each month the composite is rebuilt from the data up to that
/// month only (standardisation re-fitted on the expanding window), and a warning is raised when its 6-month annualised
/// growth falls below the threshold percentile of its own history so far, while at least half the components fell over
/// the same 6 months (breadth, as in the Conference Board's "3 Ds").
/// </summary>
public sealed class LeadingCompositeRule(IReadOnlyList<CompositeComponentOption> components, double percentile = 15, int minimumHistory = 36, double breadth = 0.5)
{
    public bool[] Warnings(DatasetFolder data, int firstMonth)
    {
        var warning = new bool[data.Months];
        var present = components.Where(c => data.Series.ContainsKey(Code(c.SeriesId))).ToList();
        var history = new List<double>();
        for (var t = Math.Max(firstMonth - minimumHistory - 12, 7); t < data.Months; t++)
        {
            var parts = present.Select(c => new CompositeComponent(c.SeriesId, data.Series[Code(c.SeriesId)][..(t + 1)], c.Weight, c.Difference, c.Inverted)).ToList();
            var composite = CompositeIndexBuilder.Build(parts, t + 1);
            var growth = 100 * (Math.Pow(composite.Index[t] / composite.Index[t - 6], 2) - 1);
            var falling = parts.Count(p => SixMonthChange(p, composite, t) < 0);
            if (history.Count >= minimumHistory)
            {
                var threshold = Robust.PercentileOfSorted(history, percentile);
                warning[t] = growth < Math.Min(threshold, 0) && falling >= breadth * parts.Count;
            }
            Robust.InsertSorted(history, growth);
        }
        return warning;
    }

    private static double SixMonthChange(CompositeComponent component, CompositeIndexResult composite, int t)
    {
        var c = composite.Contributions[component.SeriesId];
        double sum = 0;
        for (var j = t - 5; j <= t; j++) sum += c[j];
        return sum;
    }

    /// <summary>A configured series id ("fred_md:PERMIT") names the dataset code "PERMIT".</summary>
    public static string Code(string seriesId) => seriesId.Contains(':', StringComparison.Ordinal) ? seriesId[(seriesId.IndexOf(':', StringComparison.Ordinal) + 1)..] : seriesId;
}
