namespace Monitor.Forecast.Models;

/// <summary>The value one season earlier (plain naive when the history is shorter than a season).</summary>
public sealed class SeasonalNaiveModel : IForecastModel
{
    public string Name => "snaive";

    public double[] Forecast(double[] history, int seasonLength, int horizon)
    {
        var m = Math.Max(1, seasonLength);
        var n = history.Length;
        if (n < m) return Enumerable.Repeat(history[^1], horizon).ToArray();
        var result = new double[horizon];
        for (var k = 0; k < horizon; k++) result[k] = history[n - m + (k % m)];
        return result;
    }
}
