using System.Globalization;

namespace Monitor.Warn.Anomalies;

/// <summary>Flags values outside the one-step-ahead 95 % interval; the score is the residual standardised by the interval's σ.</summary>
public static class IntervalAnomalyDetector
{
    public static IEnumerable<AnomalyFinding> Detect(string seriesId, IReadOnlyList<OneStepForecast> forecasts, bool fallback)
    {
        foreach (var f in forecasts)
        {
            if (f.Lo95 is not { } lo || f.Hi95 is not { } hi) continue;
            if (f.Actual >= lo && f.Actual <= hi) continue;
            var z = f.StandardisedResidual;
            if (double.IsNaN(z) || double.IsInfinity(z)) continue;
            yield return new AnomalyFinding(seriesId, f.Period, AnomalyKinds.Interval, z, f.Actual, f.Expected, lo, hi,
                English(f, z, lo, hi, fallback), Chinese(f, z, lo, hi, fallback));
        }
    }

    private static string English(OneStepForecast f, double z, double lo, double hi, bool fallback) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{f.Actual:G5} is {(z > 0 ? "above" : "below")} the expected {f.Expected:G5} (95% interval {lo:G5} to {hi:G5}; {Math.Abs(z):F1} sigma){(fallback ? "; expected value from the warn stage's naive baseline because no forecast-stage one-step forecast exists" : "")}.");

    private static string Chinese(OneStepForecast f, double z, double lo, double hi, bool fallback) =>
        string.Create(CultureInfo.InvariantCulture,
            $"实际值 {f.Actual:G5} {(z > 0 ? "高于" : "低于")}预期值 {f.Expected:G5}（95% 区间 {lo:G5} 至 {hi:G5}，偏离 {Math.Abs(z):F1} 个标准差）{(fallback ? "；预测阶段无一步预测，预期值来自预警模块的朴素基线" : "")}。");
}
