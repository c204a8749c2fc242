using System.Globalization;

namespace Monitor.Warn.Anomalies;

/// <summary>
/// Two-sided tabular CUSUM on standardised one-step residuals (allowance k, decision limit h, in σ). A shift is flagged once
/// per regime: after an alarm the sums restart, and a further alarm in the same direction is suppressed while the mean
/// residual since the alarm still sits beyond k in that direction (the forecast has not caught up: same regime).
/// </summary>
public sealed class CusumLevelShiftDetector(double allowance = 0.5, double decisionLimit = 5.0)
{
    public IEnumerable<AnomalyFinding> Detect(string seriesId, IReadOnlyList<OneStepForecast> forecasts)
    {
        double up = 0, down = 0;
        int upStart = 0, downStart = 0;
        var lastDirection = 0;
        var sinceAlarm = new List<double>();
        for (var i = 0; i < forecasts.Count; i++)
        {
            var z = forecasts[i].StandardisedResidual;
            if (double.IsNaN(z) || double.IsInfinity(z)) continue;
            z = Math.Clamp(z, -10, 10); // one wild outlier is the interval detector's business, not a regime
            sinceAlarm.Add(z);
            if (up == 0) upStart = i;
            if (down == 0) downStart = i;
            up = Math.Max(0, up + z - allowance);
            down = Math.Max(0, down - z - allowance);
            var direction = up > decisionLimit ? 1 : down > decisionLimit ? -1 : 0;
            if (direction == 0) continue;
            var start = direction > 0 ? upStart : downStart;
            var sameRegime = direction == lastDirection && direction * sinceAlarm.Average() > allowance;
            var shift = ShiftSize(forecasts, start, i);
            up = down = 0;
            if (sameRegime) continue;
            lastDirection = direction;
            sinceAlarm.Clear();
            yield return Finding(seriesId, forecasts[i], forecasts[start].Period, shift);
        }
    }

    private static double ShiftSize(IReadOnlyList<OneStepForecast> forecasts, int from, int to)
    {
        double sum = 0;
        var n = 0;
        for (var j = from; j <= to; j++)
        {
            var z = forecasts[j].StandardisedResidual;
            if (double.IsNaN(z) || double.IsInfinity(z)) continue;
            sum += z;
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    private static AnomalyFinding Finding(string seriesId, OneStepForecast at, DateOnly since, double shift)
    {
        var upward = shift > 0;
        var english = string.Create(CultureInfo.InvariantCulture,
            $"Level shift {(upward ? "up" : "down")}: residuals have averaged {shift:+0.0;-0.0} sigma since {since:yyyy-MM} (CUSUM), a new regime rather than a single outlier.");
        var chinese = string.Create(CultureInfo.InvariantCulture,
            $"水平{(upward ? "上移" : "下移")}：自 {since:yyyy-MM} 起残差平均偏离 {shift:+0.0;-0.0} 个标准差（CUSUM），属新的运行区间而非单点异常。");
        return new AnomalyFinding(seriesId, at.Period, AnomalyKinds.LevelShift, shift, at.Actual, at.Expected, at.Lo95, at.Hi95, english, chinese);
    }
}
