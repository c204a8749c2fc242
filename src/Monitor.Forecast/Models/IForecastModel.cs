namespace Monitor.Forecast.Models;

/// <summary>A per-series point forecaster: a clean history and its season length in, h point forecasts out.</summary>
public interface IForecastModel
{
    /// <summary>Stable name used on the command line, in the store and in reports.</summary>
    string Name { get; }

    /// <summary>Forecasts <paramref name="horizon"/> steps after the end of <paramref name="history"/> (no missing values).</summary>
    double[] Forecast(double[] history, int seasonLength, int horizon);
}
