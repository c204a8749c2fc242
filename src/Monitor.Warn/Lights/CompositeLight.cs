namespace Monitor.Warn.Lights;

/// <summary>One indicator's light in the composite: its points and weight.</summary>
public readonly record struct WeightedPoints(string SeriesId, int Points, double Weight);

/// <summary>The composite light of one period: weighted mean points, the 预警指数 and its colour, and each indicator's share.</summary>
public sealed record CompositeLightReading(DateOnly Period, double MeanPoints, double WarningIndex, string Colour, IReadOnlyList<(string SeriesId, double Contribution)> Contributions);

/// <summary>
/// Weighted sum of points mapped to colour bands. The 预警指数 is 100 × (weighted mean points) / 3, so all-green = 100,
/// all-red ≈ 166.7 and all-blue ≈ 33.3. Bands on the mean points: [1,1.8) blue, [1.8,2.6) lightblue, [2.6,3.4] green,
/// (3.4,4.2] yellow, above red (configurable).
/// </summary>
public sealed class CompositeLight(IReadOnlyList<double>? bandEdges = null)
{
    private readonly IReadOnlyList<double> _edges = bandEdges ?? [1.8, 2.6, 3.4, 4.2];

    public CompositeLightReading? Combine(DateOnly period, IReadOnlyList<WeightedPoints> lights)
    {
        var totalWeight = lights.Sum(l => l.Weight);
        if (lights.Count == 0 || totalWeight <= 0) return null;
        var mean = lights.Sum(l => l.Points * l.Weight) / totalWeight;
        var index = 100.0 * mean / 3.0;
        // each indicator's contribution is its weighted deviation from green, in index points: they sum to index − 100
        var contributions = lights.Select(l => (l.SeriesId, 100.0 * (l.Points - 3) * l.Weight / totalWeight / 3.0)).ToList();
        return new CompositeLightReading(period, mean, index, Band(mean), contributions);
    }

    public string Band(double meanPoints) =>
        meanPoints < _edges[0] ? "blue" : meanPoints < _edges[1] ? "lightblue" : meanPoints <= _edges[2] ? "green" : meanPoints <= _edges[3] ? "yellow" : "red";
}
