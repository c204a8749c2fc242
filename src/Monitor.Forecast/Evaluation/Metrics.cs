namespace Monitor.Forecast.Evaluation;

/// <summary>The M4 accuracy measures: sMAPE (0–200), MASE with the in-sample seasonal-naive scale, interval coverage.</summary>
public static class Metrics
{
    public static double Smape(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        var sum = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            var denominator = Math.Abs(actual[i]) + Math.Abs(forecast[i]);
            sum += denominator == 0 ? 0 : 200 * Math.Abs(actual[i] - forecast[i]) / denominator;
        }
        return sum / actual.Length;
    }

    /// <summary>Mean absolute seasonal difference of the training data (m = 1 below a full season + 1 points); 0 if flat.</summary>
    public static double NaiveScale(ReadOnlySpan<double> train, int seasonLength)
    {
        var m = train.Length > seasonLength ? Math.Max(1, seasonLength) : 1;
        if (train.Length <= m) return 0;
        var sum = 0.0;
        for (var i = m; i < train.Length; i++) sum += Math.Abs(train[i] - train[i - m]);
        return sum / (train.Length - m);
    }

    public static double Mase(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast, double scale)
    {
        var sum = 0.0;
        for (var i = 0; i < actual.Length; i++) sum += Math.Abs(actual[i] - forecast[i]);
        return scale > 0 ? sum / actual.Length / scale : double.NaN;
    }

    /// <summary>Share of actual values inside [lo, hi].</summary>
    public static double Coverage(ReadOnlySpan<double> actual, ReadOnlySpan<double> lo, ReadOnlySpan<double> hi)
    {
        var inside = 0;
        for (var i = 0; i < actual.Length; i++) if (actual[i] >= lo[i] && actual[i] <= hi[i]) inside++;
        return actual.Length == 0 ? double.NaN : (double)inside / actual.Length;
    }
}
