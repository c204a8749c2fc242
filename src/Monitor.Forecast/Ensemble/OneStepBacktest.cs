using Monitor.Forecast.Evaluation;
using Monitor.Forecast.Models;

namespace Monitor.Forecast.Ensemble;

/// <summary>A one-step-ahead forecast of history index <see cref="Index"/>, made from the values before it only.</summary>
public sealed record OneStepForecast(int Index, double Expected, double Lo80, double Hi80, double Lo95, double Hi95, double Actual);

/// <summary>
/// Expanding-window one-step-ahead forecasts over the last periods of a series, for anomaly scoring. The point for index t
/// is fit on values before t; its conformal bounds come from the one-step residuals of indices before t. So a value never
/// influences its own forecast or bounds.
/// </summary>
public sealed class OneStepBacktest(IReadOnlyList<string> members, int seasonLength)
{
    /// <summary>Residuals needed before the bounds are conformal rather than the random-walk default.</summary>
    public const int MinimumResiduals = 8;

    private readonly StatisticalModel[] _models = StatisticalModels.All.Where(m => members.Contains(m.Name)).DefaultIfEmpty(StatisticalModels.Theta).ToArray();

    /// <summary>Forecasts the last <paramref name="periods"/> finite values of <paramref name="history"/> (NaN = missing); <paramref name="warmup"/> earlier ones only feed the residuals.</summary>
    public IReadOnlyList<OneStepForecast> Run(double[] history, int periods, int warmup = 24)
    {
        var result = new List<OneStepForecast>();
        var residuals = new List<double>();
        var start = Math.Max(3, history.Length - periods - warmup);
        for (var t = start; t < history.Length; t++)
        {
            if (!double.IsFinite(history[t])) continue;
            var past = PreparedSeries.From(new SeriesInput("", history[..t]), seasonLength);
            if (past.Values.Length < 3) continue;
            var expected = Expected(past) * past.Scale;
            var scale = Metrics.NaiveScale(past.Values, seasonLength) * past.Scale;
            var bands = residuals.Count >= MinimumResiduals ? ConformalBands.Calibrate([residuals]) : ConformalBands.RandomWalkDefault(1);
            var (lo95, lo80, hi80, hi95) = bands.Bounds(0, expected, scale);
            if (t >= history.Length - periods) result.Add(new OneStepForecast(t, expected, lo80, hi80, lo95, hi95, history[t]));
            if (scale > 0) residuals.Add((history[t] - expected) / scale);
        }
        return result;
    }

    private double Expected(PreparedSeries past)
    {
        if (past.FallbackReason is not null) return past.Values[^1];
        var adjusted = new AdjustedHistory(past.Values, seasonLength);
        var sum = 0.0;
        var count = 0;
        foreach (var model in _models)
        {
            try
            {
                var f = model.Forecast(adjusted, 1)[0];
                if (double.IsFinite(f)) { sum += f; count++; }
            }
            catch (ArgumentException)
            {
                // a member that cannot fit this history is left out of the mean
            }
        }
        return count > 0 ? sum / count : past.Values[^1];
    }
}
