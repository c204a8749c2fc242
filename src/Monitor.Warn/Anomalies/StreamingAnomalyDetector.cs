namespace Monitor.Warn.Anomalies;

/// <summary>Settings of the streaming detector: baseline window, interval width (σ), CUSUM limits and quiet period after an alarm (defaults: the best of a bounded grid on NAB, standard profile).</summary>
public sealed record StreamingSettings(int Window = 8000, double IntervalSigma = 7.0, double CusumAllowance = 1.0, double CusumLimit = 30.0, int Quiet = 200);

/// <summary>
/// The per-observation detector for streams (NAB and high-frequency series), constant time per point: the one-step
/// expectation is the mean of the last <c>Window</c> values with σ their standard deviation (the interval rule), and a
/// two-sided CUSUM on the standardised residuals catches level shifts (the regime rule). A value is flagged when it leaves
/// the ±IntervalSigma·σ band or the CUSUM passes its limit; after a flag the detector stays quiet for <c>Quiet</c> points,
/// so one incident is one alarm. Only past values are used for each verdict.
/// </summary>
public static class StreamingAnomalyDetector
{
    public static bool[] Detect(IReadOnlyList<double> values, StreamingSettings s)
    {
        var n = values.Count;
        var flags = new bool[n];
        var ring = new double[s.Window];
        double sum = 0, sumSq = 0, up = 0, down = 0;
        var count = 0;
        var quietUntil = -1;
        for (var t = 0; t < n; t++)
        {
            var x = values[t];
            if (count >= Math.Min(s.Window, 30))
            {
                var mean = sum / count;
                var variance = Math.Max(0, (sumSq / count) - (mean * mean));
                var sigma = Math.Max(Math.Sqrt(variance), 1e-6 * Math.Max(1, Math.Abs(mean)));
                var z = Math.Clamp((x - mean) / sigma, -50, 50);
                up = Math.Max(0, up + z - s.CusumAllowance);
                down = Math.Max(0, down - z - s.CusumAllowance);
                var alarm = Math.Abs(z) >= s.IntervalSigma || up > s.CusumLimit || down > s.CusumLimit;
                if (alarm && t > quietUntil)
                {
                    flags[t] = true;
                    quietUntil = t + s.Quiet;
                }
                if (alarm) up = down = 0;
            }
            if (count == s.Window)
            {
                var old = ring[t % s.Window];
                sum -= old;
                sumSq -= old * old;
            }
            else
            {
                count++;
            }
            ring[t % s.Window] = x;
            sum += x;
            sumSq += x * x;
        }
        return flags;
    }
}
