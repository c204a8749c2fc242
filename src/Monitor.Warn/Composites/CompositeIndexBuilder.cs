namespace Monitor.Warn.Composites;

/// <summary>One component of a composite on the composite's monthly grid (NaN where missing).</summary>
public sealed record CompositeComponent(string SeriesId, double[] Values, double Weight = 1.0, bool UseDifference = false, bool Inverted = false);

/// <summary>A composite index on a grid: the chained index (base 100 at the first period) and each component's contribution to each period's change.</summary>
public sealed record CompositeIndexResult(double[] Index, double[] Change, IReadOnlyDictionary<string, double[]> Contributions);

/// <summary>
/// The Conference Board method: symmetric month-on-month change rates 200·(x_t − x_{t−1})/(x_t + x_{t−1}) (plain differences
/// for rates and spreads), each standardised by its mean absolute change, weighted mean across the components present,
/// chained as I_t = I_{t−1}·(200 + c_t)/(200 − c_t) from 100. A component's contribution to a period is its weighted
/// standardised change; they sum to c_t. Mean absolute changes are taken over the data given, so a pseudo-real-time caller
/// passes only the data known at the time.
/// </summary>
public static class CompositeIndexBuilder
{
    public static CompositeIndexResult Build(IReadOnlyList<CompositeComponent> components, int length)
    {
        var standardised = components.Select(c => Standardise(ChangeRates(c), length)).ToList();
        var index = new double[length];
        var change = new double[length];
        var contributions = components.ToDictionary(c => c.SeriesId, _ => new double[length]);
        var level = 100.0;
        for (var t = 0; t < length; t++)
        {
            double weightSum = 0, sum = 0;
            for (var i = 0; i < components.Count; i++)
            {
                var s = standardised[i][t];
                if (!double.IsFinite(s)) continue;
                weightSum += components[i].Weight;
                sum += components[i].Weight * s;
            }
            var c = weightSum > 0 ? Math.Clamp(sum / weightSum, -199, 199) : 0;
            for (var i = 0; i < components.Count; i++)
            {
                var s = standardised[i][t];
                contributions[components[i].SeriesId][t] = double.IsFinite(s) && weightSum > 0 ? components[i].Weight * s / weightSum : 0;
            }
            if (t > 0) level *= (200 + c) / (200 - c);
            index[t] = level;
            change[t] = c;
        }
        return new CompositeIndexResult(index, change, contributions);
    }

    /// <summary>Symmetric change rate (or difference) per period; NaN at the start and around gaps.</summary>
    public static double[] ChangeRates(CompositeComponent component)
    {
        var x = component.Values;
        var r = new double[x.Length];
        r[0] = double.NaN;
        for (var t = 1; t < x.Length; t++)
        {
            var a = x[t - 1];
            var b = x[t];
            r[t] = !double.IsFinite(a) || !double.IsFinite(b) ? double.NaN
                : component.UseDifference ? b - a
                : a + b == 0 ? double.NaN : 200.0 * (b - a) / (b + a);
            if (component.Inverted) r[t] = -r[t];
        }
        return r;
    }

    private static double[] Standardise(double[] rates, int length)
    {
        var finite = rates.Where(double.IsFinite).ToList();
        var meanAbs = finite.Count == 0 ? 0 : finite.Average(Math.Abs);
        var s = new double[length];
        for (var t = 0; t < length; t++) s[t] = t < rates.Length && meanAbs > 0 ? rates[t] / meanAbs : double.NaN;
        return s;
    }
}
