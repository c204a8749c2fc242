namespace Monitor.Warn.Composites;

/// <summary>A dated turning point: index on the grid and whether it is a peak or a trough.</summary>
public readonly record struct TurningPoint(int Index, bool IsPeak)
{
    public string Kind => IsPeak ? "peak" : "trough";
}

/// <summary>
/// Bry–Boschan-style dating on a smoothed cycle: local extremes within ±window, none within <c>edge</c> periods of either
/// end, peaks and troughs forced to alternate (the higher peak / lower trough of a run survives), phases shorter than
/// <c>minPhase</c> and full cycles shorter than <c>minCycle</c> removed by dropping the weakest pair, repeated to a fixed point.
/// </summary>
public sealed class BryBoschan(int window = 5, int minPhase = 6, int minCycle = 15, int edge = 6)
{
    public IReadOnlyList<TurningPoint> Date(IReadOnlyList<double> x)
    {
        var points = Candidates(x);
        for (var round = 0; round < x.Count; round++)
        {
            points = Alternate(points, x);
            var weakest = WeakestViolation(points, x);
            if (weakest < 0) break;
            points.RemoveRange(weakest, 2);
        }
        return points;
    }

    private List<TurningPoint> Candidates(IReadOnlyList<double> x)
    {
        var result = new List<TurningPoint>();
        for (var i = Math.Max(edge, 1); i < x.Count - Math.Max(edge, 1); i++)
        {
            if (!double.IsFinite(x[i])) continue;
            bool isMax = true, isMin = true;
            for (var j = Math.Max(0, i - window); j <= Math.Min(x.Count - 1, i + window) && (isMax || isMin); j++)
            {
                if (j == i || !double.IsFinite(x[j])) continue;
                // ties: the first of a flat top / bottom is the turning point
                if (j < i ? x[j] >= x[i] : x[j] > x[i]) isMax = false;
                if (j < i ? x[j] <= x[i] : x[j] < x[i]) isMin = false;
            }
            if (isMax) result.Add(new TurningPoint(i, true));
            else if (isMin) result.Add(new TurningPoint(i, false));
        }
        return result;
    }

    private static List<TurningPoint> Alternate(List<TurningPoint> points, IReadOnlyList<double> x)
    {
        var result = new List<TurningPoint>();
        foreach (var p in points)
        {
            if (result.Count > 0 && result[^1].IsPeak == p.IsPeak)
            {
                var keepNew = p.IsPeak ? x[p.Index] > x[result[^1].Index] : x[p.Index] < x[result[^1].Index];
                if (keepNew) result[^1] = p;
                continue;
            }
            result.Add(p);
        }
        return result;
    }

    /// <summary>Start of the pair (i, i+1) with the smallest amplitude among the pairs breaking a phase or cycle rule; −1 if none.</summary>
    private int WeakestViolation(List<TurningPoint> p, IReadOnlyList<double> x)
    {
        var best = -1;
        var bestAmplitude = double.MaxValue;
        void Consider(int i)
        {
            if (i < 0 || i + 1 >= p.Count) return;
            var amplitude = Math.Abs(x[p[i].Index] - x[p[i + 1].Index]);
            if (amplitude < bestAmplitude) (best, bestAmplitude) = (i, amplitude);
        }
        for (var i = 0; i + 1 < p.Count; i++)
        {
            if (p[i + 1].Index - p[i].Index < minPhase) Consider(i);
            if (i + 2 < p.Count && p[i + 2].Index - p[i].Index < minCycle)
            {
                Consider(i);
                Consider(i + 1);
            }
        }
        return best;
    }
}
