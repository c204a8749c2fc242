using Monitor.Core.Domain;
using Monitor.Warn.Composites;
using Monitor.Warn.Evaluation;
using Monitor.Warn.Lights;
using Monitor.Warn.Numerics;
using Monitor.Warn.Sets;

namespace Monitor.Warn.Job;

/// <summary>The composites: the 预警指数 from the lights, the configured leading / coincident indices, their cycles and turning points.</summary>
public sealed class CompositeAnalysis(WarnOptions options)
{
    /// <summary>The 预警指数 of series whose economy is unknown (and the prefix of every economy's own index).</summary>
    public const string WarningIndex = "warning_index";

    public static string CycleCode(string indexCode) => indexCode + "_cycle";

    /// <summary>The 预警指数 of one economy: warning_index_cn, warning_index_us; "warning_index" when the economy is unknown.</summary>
    public static string WarningIndexCode(string economy) => economy.Length == 0 ? WarningIndex : WarningIndex + "_" + economy.ToLowerInvariant();

    /// <summary>
    /// One 预警指数 per economy, never mixing economies: the monthly members of its indicator set with their weights, or,
    /// for a national economy without a set, every national monthly series with a light (Warn:WarningIndexSeries narrows both).
    /// </summary>
    public void WarningIndexReadings(IReadOnlyList<SeriesLights> lights, EconomySets economies, WarnResults results)
    {
        foreach (var economy in lights.GroupBy(l => l.Series.Economy, StringComparer.Ordinal))
        {
            var set = economies.For(economy.Key);
            var members = economy.Where(l => l.Series.Frequency == Frequency.Monthly && (set is not null
                    ? economies.Membership(l.Series.SeriesId) is { Preferred: true } m && m.Set == set
                    : l.Series.RegionCode is null && l.Series.IndustryCode is null))
                .Where(l => options.WarningIndexSeries.Count == 0 || options.WarningIndexSeries.Contains(l.Series.SeriesId, StringComparer.Ordinal))
                .Select(l => (Lights: l, Weight: economies.Membership(l.Series.SeriesId) is { Preferred: true } m ? m.Member.Weight : l.Rule.Weight));
            Combine(WarningIndexCode(economy.Key), members, results);
        }
    }

    private void Combine(string code, IEnumerable<(SeriesLights Lights, double Weight)> members, WarnResults results)
    {
        var byPeriod = new SortedDictionary<DateOnly, List<WeightedPoints>>();
        var all = members.ToList();
        var requiredWeight = options.WarningIndexMinCoverage * all.Sum(m => Math.Max(m.Weight, 0));
        foreach (var (member, weight) in all)
        {
            foreach (var light in member.Lights)
            {
                if (!byPeriod.TryGetValue(light.Period, out var list)) byPeriod[light.Period] = list = [];
                list.Add(new WeightedPoints(member.Series.SeriesId, light.Points, weight));
            }
        }
        var composite = new CompositeLight(options.EffectiveBands);
        foreach (var (period, points) in byPeriod)
        {
            if (points.Sum(p => Math.Max(p.Weight, 0)) < requiredWeight) continue;
            if (composite.Combine(period, points) is not { } reading) continue;
            results.Readings.Add(new CompositeReadingRow(code, period, reading.WarningIndex, reading.Colour));
            results.Contributions.AddRange(reading.Contributions.Select(c => new ContributionRow(code, period, c.SeriesId, c.Contribution)));
        }
    }

    /// <summary>The series whose observations <see cref="IndexReadings"/> reads: every component, and the recession rule's two rates.</summary>
    public IReadOnlySet<string> InputSeries() =>
        options.EffectiveComposites.SelectMany(c => c.Components.Select(m => m.SeriesId))
            .Append(options.RecessionRisk.LongRate).Append(options.RecessionRisk.ShortRate).ToHashSet(StringComparer.Ordinal);

    public void IndexReadings(IReadOnlyDictionary<string, List<Observation>> observations, WarnResults results)
    {
        foreach (var definition in options.EffectiveComposites)
        {
            var present = definition.Components.Where(c => observations.TryGetValue(c.SeriesId, out var o) && o.Count > 1).ToList();
            if (present.Count < 2) continue;
            var start = present.Min(c => observations[c.SeriesId][0].Period);
            var end = present.Max(c => observations[c.SeriesId][^1].Period);
            var length = RegularSeries.IndexOf(start, end, Frequency.Monthly) + 1;
            var components = present.Select(c => new CompositeComponent(c.SeriesId, OnGrid(observations[c.SeriesId], start, length), c.Weight, c.Difference, c.Inverted)).ToList();
            var index = CompositeIndexBuilder.Build(components, length);
            Add(results, definition.Code, start, index.Index, index.Contributions);
            if (definition.Code == options.RecessionRisk.Composite) RecessionRisk(definition, components, observations, start, length, results);
            if (length < 36) continue;
            var (cycle, parts) = OecdCycle.ComputeWithParts(index);
            var cycleCode = CycleCode(definition.Code);
            Add(results, cycleCode, start, cycle, parts);
            foreach (var point in new BryBoschan().Date(cycle))
                results.TurningPoints.Add(new TurningPointRow(cycleCode, start.AddMonths(point.Index), point.Kind));
        }
    }

    /// <summary>Runs the evaluated leading-composite rule (<see cref="LeadingCompositeRule"/>) on the store's data; the verdict at the last month feeds the alert.</summary>
    private void RecessionRisk(CompositeDefinition definition, List<CompositeComponent> components, IReadOnlyDictionary<string, List<Observation>> observations, DateOnly start, int length, WarnResults results)
    {
        var byId = components.ToDictionary(c => c.SeriesId, c => c.Values, StringComparer.Ordinal);
        var spread = observations.TryGetValue(options.RecessionRisk.LongRate, out var longRate) && observations.TryGetValue(options.RecessionRisk.ShortRate, out var shortRate)
            ? OnGrid(longRate, start, length).Zip(OnGrid(shortRate, start, length), (a, b) => a - b).ToArray()
            : null;
        var settings = new LeadingRuleSettings();
        if (spread is null) settings = settings with { CurveBelow = double.NaN };
        var warnings = new LeadingCompositeRule(definition.Components, settings)
            .Warnings(c => byId.GetValueOrDefault(c.SeriesId), spread ?? new double[length], length, 0);
        var last = length - 1;
        var since = last;
        while (since > 0 && warnings[since - 1]) since--;
        results.RecessionRisk = (definition.Code, start.AddMonths(last), warnings[last], warnings[last] ? start.AddMonths(since) : null);
    }

    private static void Add(WarnResults results, string code, DateOnly start, double[] values, IReadOnlyDictionary<string, double[]> contributions)
    {
        for (var t = 0; t < values.Length; t++)
        {
            var period = start.AddMonths(t);
            results.Readings.Add(new CompositeReadingRow(code, period, values[t], null));
            foreach (var (id, c) in contributions) results.Contributions.Add(new ContributionRow(code, period, id, c[t]));
        }
    }

    private static double[] OnGrid(List<Observation> observations, DateOnly start, int length)
    {
        var values = Enumerable.Repeat(double.NaN, length).ToArray();
        foreach (var o in observations)
        {
            var i = RegularSeries.IndexOf(start, o.Period, Frequency.Monthly);
            if (i >= 0 && i < length) values[i] = o.Value;
        }
        return values;
    }
}
