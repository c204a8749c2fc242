namespace Monitor.Nowcast.Model;

/// <summary>A band calibrated from past errors: the spread, how many quarters it rests on, and how often the model's own band held the outturn there.</summary>
/// <param name="StandardDeviation">Root mean square of the past errors (original units); NaN when no quarter could be scored.</param>
/// <param name="ModelCovered">Of those quarters, how many outturns lay inside the model's own 80% band (its smoothed variance).</param>
public sealed record PastErrorCalibration(double StandardDeviation, int Quarters, int ModelCovered);

/// <summary>
/// The product's nowcast band, calibrated from the model's own errors rather than its smoothed variance (which, estimated on
/// data since 1960, is too wide in calm years: the 80% band covered 97% in 1985–1999). Today's information pattern — how
/// far each series' last value lies from the target quarter — is shifted back one quarter at a time over the last
/// published quarters; each shifted panel is nowcast with the current parameters and compared with its outturn. Uses
/// only the data given (the values known now), so the band is as real-time as the nowcast.
/// </summary>
public static class PastErrorBand
{
    /// <summary>Fewest scored quarters for a calibrated band; with fewer, the model's variance stays.</summary>
    public const int MinimumQuarters = 8;

    /// <param name="data">The panel nowcast now (rows are months, NaN missing).</param>
    /// <param name="target">Column of the quarterly target.</param>
    /// <param name="period">Row of the target quarter (its third month).</param>
    /// <param name="quarters">How many published quarters to score, newest first.</param>
    public static PastErrorCalibration Calibrate(DfmNowcaster nowcaster, double[][] data, int target, int period, int quarters)
    {
        var columns = data.Length == 0 ? 0 : data[0].Length;
        var last = Enumerable.Range(0, columns).Select(i => LastIndex(data, i)).ToArray();
        double squares = 0;
        int scored = 0, covered = 0;
        // every shifted panel equals today's up to a few months before its end: its filter starts from today's predictions there
        var prefix = nowcaster.Prefix(data);
        // go back until enough quarters are scored or too little history is left to nowcast from
        for (var shift = 3; scored < quarters && period - shift >= 24; shift += 3)
        {
            var past = period - shift;
            if (!double.IsFinite(data[past][target])) continue; // outturn not yet published
            var density = nowcaster.Nowcast(Shifted(data, last, shift), target, past, prefix);
            var error = data[past][target] - density.Mean;
            squares += error * error;
            scored++;
            var (low, high) = density.Interval(0.8);
            if (data[past][target] >= low && data[past][target] <= high) covered++;
        }
        return new PastErrorCalibration(scored > 0 ? Math.Sqrt(squares / scored) : double.NaN, scored, covered);
    }

    /// <summary>The density with its spread from <paramref name="calibration"/> when it rests on enough quarters, else unchanged.</summary>
    public static NowcastDensity Apply(NowcastDensity density, PastErrorCalibration calibration) =>
        calibration.Quarters >= MinimumQuarters ? density with { StandardDeviation = calibration.StandardDeviation } : density;

    /// <summary>The panel as it looked <paramref name="shift"/> months earlier with today's publication lags: each column cut that many months before its last value.</summary>
    internal static double[][] Shifted(double[][] data, int[] last, int shift)
    {
        var rows = new double[data.Length - shift][];
        for (var t = 0; t < rows.Length; t++)
        {
            rows[t] = new double[last.Length];
            for (var i = 0; i < last.Length; i++) rows[t][i] = t <= last[i] - shift ? data[t][i] : double.NaN;
        }
        return rows;
    }

    private static int LastIndex(double[][] data, int column)
    {
        for (var t = data.Length - 1; t >= 0; t--) if (double.IsFinite(data[t][column])) return t;
        return -1;
    }
}
