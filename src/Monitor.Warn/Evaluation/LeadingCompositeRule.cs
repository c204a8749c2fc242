using Monitor.Warn.Composites;
using Monitor.Warn.Numerics;

namespace Monitor.Warn.Evaluation;

/// <summary>Settings of the leading composite's warning rule (see <see cref="LeadingCompositeRule"/>).</summary>
public sealed record LeadingRuleSettings(double Percentile = 25, int MinimumHistory = 36, double Breadth = 0.5, int Persistence = 3, double CurveBelow = 0.75, bool Hysteresis = true);

/// <summary>What the rule sees each month, before any setting applies: the composite's 6-month annualised growth, the share of components that fell over those 6 months, and the yield spread (NaN before the first month computed).</summary>
public sealed record LeadingStatistics(double[] Growth, double[] FallingShare, double[] Spread);

/// <summary>
/// The leading composite's warning, in real time: each month t the composite is rebuilt from the data known at the end
/// of month t only (standardisation re-fitted on the expanding window; with release lags each component stops at its
/// last published month, the ragged edge, and the latest changes average the components already out). It triggers when
/// its 6-month annualised growth is below the chosen percentile of its own history so far (and below 0), at least half
/// the components fell over those 6 months (breadth, as in the Conference Board's "3 Ds"), for <c>Persistence</c>
/// consecutive months, optionally only while the 10y–3m yield curve is flatter than <c>CurveBelow</c> points. With
/// hysteresis a warning stays on until the composite's 6-month growth is positive again, so one slowdown is one episode.
/// </summary>
public sealed class LeadingCompositeRule(IReadOnlyList<CompositeComponentOption> components, LeadingRuleSettings settings)
{
    /// <summary>Warnings on a dataset folder (components found by their dataset code), with each month's data as <paramref name="known"/> says.</summary>
    public bool[] Warnings(DatasetFolder data, int firstMonth, KnownMonths known) =>
        Warnings(Statistics(components, data, known, firstMonth - settings.MinimumHistory - 12), firstMonth);

    /// <summary>Warnings on any monthly grid: <paramref name="values"/> gives a component's values (or null when absent), <paramref name="spread"/> the 10y–3m spread.</summary>
    public bool[] Warnings(Func<CompositeComponentOption, double[]?> values, double[] spread, int months, int firstMonth) =>
        Warnings(Statistics(components, values, spread, months, firstMonth - settings.MinimumHistory - 12, (_, t) => t), firstMonth);

    /// <summary>The rule applied to statistics computed once (a search over settings reuses them).</summary>
    public bool[] Warnings(LeadingStatistics statistics, int firstMonth)
    {
        var months = statistics.Growth.Length;
        var warning = new bool[months];
        var trigger = new bool[months];
        var history = new List<double>();
        for (var t = Math.Max(firstMonth - settings.MinimumHistory - 12, 7); t < months; t++)
        {
            var growth = statistics.Growth[t];
            if (double.IsNaN(growth)) continue;
            if (history.Count >= settings.MinimumHistory)
            {
                var threshold = Robust.PercentileOfSorted(history, settings.Percentile);
                var flat = double.IsNaN(settings.CurveBelow) || statistics.Spread[t] < settings.CurveBelow;
                trigger[t] = growth < Math.Min(threshold, 0) && statistics.FallingShare[t] >= settings.Breadth && flat;
                var persistent = Enumerable.Range(t - settings.Persistence + 1, settings.Persistence).All(j => trigger[j]);
                warning[t] = persistent || (settings.Hysteresis && warning[t - 1] && growth < 0);
            }
            Robust.InsertSorted(history, growth);
        }
        return warning;
    }

    /// <summary>The statistics on a dataset folder as known month by month.</summary>
    public static LeadingStatistics Statistics(IReadOnlyList<CompositeComponentOption> components, DatasetFolder data, KnownMonths known, int firstMonth)
    {
        var gs10 = data.Series.GetValueOrDefault("GS10");
        var tb3 = data.Series.GetValueOrDefault("TB3MS");
        var spread = new double[data.Months];
        for (var t = 0; t < data.Months; t++)
        {
            var k = Math.Min(known.LastKnown("GS10", t), known.LastKnown("TB3MS", t));
            spread[t] = gs10 is null || tb3 is null || k < 0 ? double.NaN : gs10[k] - tb3[k];
        }
        return Statistics(components, c => data.Series.GetValueOrDefault(Code(c.SeriesId)), spread, data.Months, firstMonth,
            (c, t) => known.LastKnown(Code(c.SeriesId), t));
    }

    /// <summary>
    /// The statistics on any monthly grid; <paramref name="lastKnown"/> gives, for a component and a decision month t, the
    /// last month of it known then (later values are hidden from month t's composite).
    /// </summary>
    public static LeadingStatistics Statistics(IReadOnlyList<CompositeComponentOption> components, Func<CompositeComponentOption, double[]?> values,
        double[] spread, int months, int firstMonth, Func<CompositeComponentOption, int, int> lastKnown)
    {
        var growth = Enumerable.Repeat(double.NaN, months).ToArray();
        var falling = Enumerable.Repeat(double.NaN, months).ToArray();
        var present = components.Select(c => (Option: c, Values: values(c))).Where(c => c.Values is not null).ToList();
        if (present.Count < 2) return new LeadingStatistics(growth, falling, spread);
        for (var t = Math.Max(firstMonth, 7); t < months; t++)
        {
            var parts = present.Select(c => new CompositeComponent(c.Option.SeriesId, Known(c.Values!, t, lastKnown(c.Option, t)), c.Option.Weight, c.Option.Difference, c.Option.Inverted)).ToList();
            var composite = CompositeIndexBuilder.Build(parts, t + 1);
            growth[t] = 100 * (Math.Pow(composite.Index[t] / composite.Index[t - 6], 2) - 1);
            falling[t] = (double)parts.Count(p => SixMonthChange(p, composite, t) < 0) / parts.Count;
        }
        return new LeadingStatistics(growth, falling, spread);
    }

    // The first t + 1 values, with those not yet published at t hidden.
    private static double[] Known(double[] values, int t, int lastKnown)
    {
        var slice = values[..(t + 1)];
        for (var j = Math.Max(lastKnown + 1, 0); j <= t; j++) slice[j] = double.NaN;
        return slice;
    }

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
