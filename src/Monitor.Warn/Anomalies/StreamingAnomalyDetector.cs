namespace Monitor.Warn.Anomalies;

/// <summary>
/// Settings of the streaming detector: baseline window, interval width (σ) for the level and for the one-step change,
/// CUSUM limits and quiet period after an alarm (defaults: the best of a bounded grid on NAB, standard profile).
/// </summary>
public sealed record StreamingSettings(int Window = 8000, double IntervalSigma = 7.0, double CusumAllowance = 1.0, double CusumLimit = 30.0, int Quiet = 200, double ChangeSigma = 10.0, double VarianceRatio = double.PositiveInfinity, int ShortWindow = 30);

/// <summary>
/// The per-observation detector for streams (NAB and high-frequency series), constant time per point: the one-step
/// expectation is the mean of the last <c>Window</c> values with σ their standard deviation (the interval rule), a second
/// interval on the one-step change (last value as the forecast, σ of past changes), and a two-sided CUSUM on the
/// standardised residuals for level shifts (the regime rule), and optionally a variance rule (σ of the last changes over
/// σ of all changes). A value is flagged when it leaves either band or the CUSUM
/// passes its limit; after a flag the detector stays quiet for <c>Quiet</c> points, so one incident is one alarm.
/// Only past values are used for each verdict.
/// </summary>
public static class StreamingAnomalyDetector
{
    public static bool[] Detect(IReadOnlyList<double> values, StreamingSettings s)
    {
        var n = values.Count;
        var flags = new bool[n];
        var level = new RunningWindow(s.Window);
        var change = new RunningWindow(s.Window);
        var recent = new RunningWindow(s.ShortWindow);
        double up = 0, down = 0;
        var quietUntil = -1;
        for (var t = 0; t < n; t++)
        {
            var x = values[t];
            var dx = t > 0 ? x - values[t - 1] : 0;
            if (level.Count >= Math.Min(s.Window, 30))
            {
                var z = level.Z(x);
                up = Math.Max(0, up + z - s.CusumAllowance);
                down = Math.Max(0, down - z - s.CusumAllowance);
                var alarm = Math.Abs(z) >= s.IntervalSigma || up > s.CusumLimit || down > s.CusumLimit || Math.Abs(change.Z(dx)) >= s.ChangeSigma
                    || (recent.Count == s.ShortWindow && change.Count > 10 * s.ShortWindow && recent.Sigma > s.VarianceRatio * change.Sigma);
                if (alarm && t > quietUntil)
                {
                    flags[t] = true;
                    quietUntil = t + s.Quiet;
                }
                if (alarm) up = down = 0;
            }
            level.Add(x);
            if (t > 0)
            {
                change.Add(dx);
                recent.Add(dx);
            }
        }
        return flags;
    }

    /// <summary>Mean and standard deviation of the last N values, updated in constant time.</summary>
    private sealed class RunningWindow(int size)
    {
        private readonly double[] _ring = new double[size];
        private double _sum;
        private double _sumSq;
        private long _added;

        public int Count => (int)Math.Min(_added, size);

        public void Add(double x)
        {
            var slot = (int)(_added % size);
            if (_added >= size)
            {
                _sum -= _ring[slot];
                _sumSq -= _ring[slot] * _ring[slot];
            }
            _ring[slot] = x;
            _sum += x;
            _sumSq += x * x;
            _added++;
        }

        public double Sigma
        {
            get
            {
                var mean = _sum / Math.Max(1, Count);
                return Math.Sqrt(Math.Max(0, (_sumSq / Math.Max(1, Count)) - (mean * mean)));
            }
        }

        /// <summary>(x − mean) / σ, clamped to ±50; σ floored so a flat history does not divide by zero.</summary>
        public double Z(double x)
        {
            if (Count < 2) return 0;
            var mean = _sum / Count;
            var sigma = Math.Max(Math.Sqrt(Math.Max(0, (_sumSq / Count) - (mean * mean))), 1e-6 * Math.Max(1, Math.Abs(mean)));
            return Math.Clamp((x - mean) / sigma, -50, 50);
        }
    }
}
