namespace Monitor.Forecast.Global;

/// <summary>
/// Builds scale-free feature rows for the global model: the last L values as log ratios to the window's level,
/// the horizon step, the calendar position of the target (when known) and the share of the window that is real data.
/// The level itself is left out on purpose: it identifies series and invites over-fitting.
/// </summary>
internal sealed class LagFeatures(int seasonLength, int windowLength)
{
    public int Length => windowLength + 3;

    public int WindowLength => windowLength;

    /// <summary>Level the window is normalised by: the mean of its last season (last value for yearly data).</summary>
    public double Level(double[] y, int end)
    {
        var span = Math.Max(1, Math.Min(seasonLength, end + 1));
        var sum = 0.0;
        for (var i = end - span + 1; i <= end; i++) sum += y[i];
        return sum / span;
    }

    /// <summary>Fills <paramref name="row"/> for a window ending at index <paramref name="end"/> and target step <paramref name="step"/>.</summary>
    public void Fill(double[] y, int end, int step, double level, int? firstCyclePosition, float[] row)
    {
        for (var j = 0; j < windowLength; j++)
        {
            var index = Math.Max(0, end - j);
            row[j] = (float)Math.Log(y[index] / level);
        }
        row[windowLength] = step;
        row[windowLength + 1] = firstCyclePosition is { } first && seasonLength > 1 ? (first + end + step) % seasonLength : float.NaN;
        row[windowLength + 2] = (float)Math.Min(1.0, (end + 1.0) / windowLength);
    }
}
