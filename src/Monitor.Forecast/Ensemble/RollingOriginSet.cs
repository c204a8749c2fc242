using Monitor.Forecast.Evaluation;

namespace Monitor.Forecast.Ensemble;

/// <summary>
/// The members' forecasts at every rolling origin of every series, with the actual values that followed each cut. Each
/// series' backtests are added latest origin first; the first <paramref name="heldOut"/> of them are held out: they
/// score the result and take no part in choosing or calibrating it.
/// </summary>
internal sealed class RollingOriginSet(int seriesCount, int heldOut = 0)
{
    private readonly List<Entry> _entries = [];
    private readonly List<int>[] _bySeries = Enumerable.Range(0, seriesCount).Select(_ => new List<int>()).ToArray();

    public int Count => _entries.Count;

    public void Add(int series, double[] actual, double scale, Dictionary<string, double[]?> members) => Add(series, new OriginBacktest(actual, scale, members));

    public void Add(int series, OriginBacktest backtest)
    {
        var origin = _bySeries[series].Count;
        _bySeries[series].Add(_entries.Count);
        _entries.Add(new Entry(backtest.Actual, backtest.Scale, backtest.Members.ToDictionary(m => m.Key, m => new[] { m.Value }), origin));
    }

    /// <summary>One series' backtests in origin order (to ship with a plan and reuse elsewhere).</summary>
    public OriginBacktest[] Of(int series) =>
        _bySeries[series].Select(i => _entries[i]).Select(e => new OriginBacktest(e.Actual, e.Scale, e.Members.ToDictionary(m => m.Key, m => m.Value[0]))).ToArray();

    /// <summary>Backtests that choose and calibrate: all but the held-out origins.</summary>
    public int SelectionCount => _entries.Count(e => e.Origin >= heldOut);

    /// <summary>OWA of a combination against Naive2 over the selection origins (set averages of sMAPE and MASE).</summary>
    public double Owa(Combination combination)
    {
        double smape = 0, mase = 0, smape2 = 0, mase2 = 0;
        var used = 0;
        foreach (var entry in _entries.Where(e => e.Origin >= heldOut))
        {
            if (entry.Scale <= 0) continue;
            var forecast = combination.Forecast(entry.Members, 0, out _);
            var naive2 = entry.Members["naive2"][0]!;
            smape += Metrics.Smape(entry.Actual, forecast);
            mase += Metrics.Mase(entry.Actual, forecast, entry.Scale);
            smape2 += Metrics.Smape(entry.Actual, naive2);
            mase2 += Metrics.Mase(entry.Actual, naive2, entry.Scale);
            used++;
        }
        if (used == 0 || smape2 <= 0 || mase2 <= 0) return double.PositiveInfinity;
        return 0.5 * (smape / smape2 + mase / mase2);
    }

    /// <summary>Adds z = (actual − forecast) / scale of the combination at the selection origins to the per-step lists.</summary>
    public void CollectResiduals(Combination combination, List<List<double>> byStep)
    {
        foreach (var entry in _entries.Where(e => e.Origin >= heldOut))
        {
            if (entry.Scale <= 0) continue;
            var forecast = combination.Forecast(entry.Members, 0, out _);
            for (var k = 0; k < entry.Actual.Length && k < byStep.Count; k++) byStep[k].Add((entry.Actual[k] - forecast[k]) / entry.Scale);
        }
    }

    /// <summary>
    /// The combination's accuracy on one series: on its held-out origins (out of sample), else, when the series was too
    /// short to reach past them, on the others (in-sample); null when the series was too short for any origin.
    /// </summary>
    public ValidationScore? Score(int series, Combination combination, ConformalBands bands)
    {
        var all = _bySeries[series];
        var outOfSample = heldOut > 0 && all.Count > heldOut;
        var indices = outOfSample ? all.Where(i => _entries[i].Origin < heldOut).ToList() : all;
        if (indices.Count == 0) return null;
        double smape = 0, mase = 0, in80 = 0, in95 = 0, points = 0;
        foreach (var entry in indices.Select(i => _entries[i]))
        {
            var forecast = combination.Forecast(entry.Members, 0, out _);
            smape += Metrics.Smape(entry.Actual, forecast);
            mase += entry.Scale > 0 ? Metrics.Mase(entry.Actual, forecast, entry.Scale) : 0;
            for (var k = 0; k < entry.Actual.Length; k++)
            {
                var (l95, l80, h80, h95) = bands.Bounds(k, forecast[k], entry.Scale);
                if (entry.Actual[k] >= l80 && entry.Actual[k] <= h80) in80++;
                if (entry.Actual[k] >= l95 && entry.Actual[k] <= h95) in95++;
                points++;
            }
        }
        return new ValidationScore(smape / indices.Count, mase / indices.Count, in80 / points, in95 / points, indices.Count, outOfSample);
    }

    private sealed record Entry(double[] Actual, double Scale, Dictionary<string, double[]?[]> Members, int Origin);
}

/// <summary>One rolling origin of one series: what followed the cut, the naive scale, and each member's forecast.</summary>
public sealed record OriginBacktest(double[] Actual, double Scale, Dictionary<string, double[]?> Members);
