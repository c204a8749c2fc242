namespace Monitor.Forecast.Ensemble;

/// <summary>An equal-weight combination of members; a series falls back to Naive2 when none of its members could forecast it.</summary>
public sealed record Combination(IReadOnlyList<string> Members)
{
    public string Name => Members.Count == 1 ? Members[0]
        : "ensemble(" + string.Join("+", Members.GroupBy(m => m).Select(g => g.Count() == 1 ? g.Key : $"{g.Count()}*{g.Key}")) + ")";

    /// <summary>The combined forecast of series <paramref name="index"/>, and the members it had to do without.</summary>
    public double[] Forecast(Dictionary<string, double[]?[]> members, int index, out IReadOnlyList<string> missing)
    {
        var available = new List<double[]>();
        var absent = new List<string>();
        foreach (var name in Members)
        {
            if (members.TryGetValue(name, out var forecasts) && forecasts[index] is { } f) available.Add(f);
            else absent.Add(name);
        }
        missing = absent;
        if (available.Count == 0) return members["naive2"][index] ?? throw new InvalidOperationException("naive2 failed");
        var horizon = available[0].Length;
        var result = new double[horizon];
        for (var k = 0; k < horizon; k++)
        {
            var sum = 0.0;
            foreach (var f in available) sum += f[k];
            result[k] = sum / available.Count;
        }
        return result;
    }

    /// <summary>Every weighting of <paramref name="candidates"/> with integer weights 0..<paramref name="maxWeight"/> (at most 6 candidates), weights not all zero.</summary>
    public static IEnumerable<Combination> Subsets(IReadOnlyList<string> candidates, int maxWeight = 1)
    {
        var count = Math.Min(candidates.Count, 6);
        var weights = new int[count];
        while (true)
        {
            var i = 0;
            while (i < count && ++weights[i] > maxWeight) weights[i++] = 0;
            if (i == count) yield break;
            yield return new Combination(Enumerable.Range(0, count).SelectMany(b => Enumerable.Repeat(candidates[b], weights[b])).ToList());
        }
    }
}
