namespace Monitor.Forecast.Ensemble;

/// <summary>One series handed to the pipeline: its history (NaN = missing) and, if known, the calendar position of its first value.</summary>
public sealed record SeriesInput(string Id, double[] History, int? FirstCyclePosition = null);

/// <summary>The pipeline's answer for one series: points and conformal 80 %/95 % bounds per step, the model, and any fallback reason.</summary>
public sealed record SeriesForecast(
    string Id, string Model, double[] Point, double[] Lo80, double[] Hi80, double[] Lo95, double[] Hi95, string? FallbackReason);
