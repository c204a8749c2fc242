using Monitor.Warn.Numerics;

namespace Monitor.Warn.Lights;

/// <summary>Lights every period of a series with check points known at that period (no look-ahead).</summary>
public static class SignalLightCalculator
{
    public static IReadOnlyList<LightReading> Compute(RegularSeries series, bool counterCyclical, LightRule rule)
    {
        var kind = rule.Metric ?? LightMetric.DefaultKind(series);
        var metric = LightMetric.Compute(series, kind);
        var history = new List<double>(metric.Length);
        var result = new List<LightReading>();
        for (var t = 0; t < metric.Length; t++)
        {
            var m = metric[t];
            if (!double.IsFinite(m)) continue;
            var checkPoints = rule.Fixed ?? FromHistory(history, rule);
            if (checkPoints is not null) result.Add(new LightReading(series.PeriodAt(t), m, checkPoints, checkPoints.Points(m, counterCyclical)));
            Robust.InsertSorted(history, m);
        }
        return result;
    }

    private static CheckPoints? FromHistory(List<double> sortedHistory, LightRule rule)
    {
        if (sortedHistory.Count < rule.MinimumHistory) return null;
        var p = rule.Percentiles;
        return new CheckPoints(
            Robust.PercentileOfSorted(sortedHistory, p[0]), Robust.PercentileOfSorted(sortedHistory, p[1]),
            Robust.PercentileOfSorted(sortedHistory, p[2]), Robust.PercentileOfSorted(sortedHistory, p[3]));
    }
}
