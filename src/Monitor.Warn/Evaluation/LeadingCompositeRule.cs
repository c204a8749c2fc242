using Monitor.Warn.Composites;
using Monitor.Warn.Numerics;

namespace Monitor.Warn.Evaluation;

/// <summary>Settings of the leading composite's warning rule (see <see cref="LeadingCompositeRule"/>).</summary>
public sealed record LeadingRuleSettings(double Percentile = 25, int MinimumHistory = 36, double Breadth = 0.5, int Persistence = 3, double CurveBelow = 0.75, bool Hysteresis = true);

/// <summary>
/// The leading composite's warning, pseudo-real-time: each month the composite is rebuilt from the data up to that month
/// only (standardisation re-fitted on the expanding window). It triggers when its 6-month annualised growth is below the
/// chosen percentile of its own history so far (and below 0), at least half the components fell over those 6 months
/// (breadth, as in the Conference Board's "3 Ds"), for <c>Persistence</c> consecutive months, optionally only while the
/// 10y–3m yield curve is flatter than <c>CurveBelow</c> points. With hysteresis a warning stays on until the composite's
/// 6-month growth is positive again, so one slowdown is one episode.
/// </summary>
public sealed class LeadingCompositeRule(IReadOnlyList<CompositeComponentOption> components, LeadingRuleSettings settings)
{
    /// <summary>Warnings on a dataset folder (components found by their dataset code).</summary>
    public bool[] Warnings(DatasetFolder data, int firstMonth) =>
        Warnings(c => data.Series.GetValueOrDefault(Code(c.SeriesId)), Spread(data), data.Months, firstMonth);

    /// <summary>Warnings on any monthly grid: <paramref name="values"/> gives a component's values (or null when absent), <paramref name="spread"/> the 10y–3m spread.</summary>
    public bool[] Warnings(Func<CompositeComponentOption, double[]?> values, double[] spread, int months, int firstMonth)
    {
        var warning = new bool[months];
        var trigger = new bool[months];
        var present = components.Select(c => (Option: c, Values: values(c))).Where(c => c.Values is not null).ToList();
        var history = new List<double>();
        if (present.Count < 2) return warning;
        for (var t = Math.Max(firstMonth - settings.MinimumHistory - 12, 7); t < months; t++)
        {
            var parts = present.Select(c => new CompositeComponent(c.Option.SeriesId, c.Values![..(t + 1)], c.Option.Weight, c.Option.Difference, c.Option.Inverted)).ToList();
            var composite = CompositeIndexBuilder.Build(parts, t + 1);
            var growth = 100 * (Math.Pow(composite.Index[t] / composite.Index[t - 6], 2) - 1);
            var falling = parts.Count(p => SixMonthChange(p, composite, t) < 0);
            if (history.Count >= settings.MinimumHistory)
            {
                var threshold = Robust.PercentileOfSorted(history, settings.Percentile);
                var flat = double.IsNaN(settings.CurveBelow) || spread[t] < settings.CurveBelow;
                trigger[t] = growth < Math.Min(threshold, 0) && falling >= settings.Breadth * parts.Count && flat;
                var persistent = Enumerable.Range(t - settings.Persistence + 1, settings.Persistence).All(j => trigger[j]);
                warning[t] = persistent || (settings.Hysteresis && warning[t - 1] && growth < 0);
            }
            Robust.InsertSorted(history, growth);
        }
        return warning;
    }

    /// <summary>GS10 − TB3MS per month of the folder (NaN when either is absent).</summary>
    public static double[] Spread(DatasetFolder data) =>
        data.Series.TryGetValue("GS10", out var gs10) && data.Series.TryGetValue("TB3MS", out var tb3)
            ? gs10.Select((v, i) => v - tb3[i]).ToArray()
            : Enumerable.Repeat(double.NaN, data.Months).ToArray();

    private static double SixMonthChange(CompositeComponent component, CompositeIndexResult composite, int t)
    {
        var c = composite.Contributions[component.SeriesId];
        double sum = 0;
        for (var j = t - 5; j <= t; j++) sum += c[j];
        return sum;
    }

    /// <summary>A configured series id ("fred_md:PERMIT", "fred_md:AWHMAN::NAICS-31-33") names the dataset code ("PERMIT", "AWHMAN").</summary>
    public static string Code(string seriesId)
    {
        var parts = seriesId.Split(':');
        return parts.Length > 1 ? parts[1] : seriesId;
    }
}
