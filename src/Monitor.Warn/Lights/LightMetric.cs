using Monitor.Warn.Numerics;

namespace Monitor.Warn.Lights;

/// <summary>How a series is turned into the number its check points are compared with.</summary>
public enum LightMetricKind
{
    /// <summary>Growth on the same period a year earlier, in per cent (series that are always positive).</summary>
    YoyGrowth,

    /// <summary>Difference on the same period a year earlier (rates, balances, anything that can be ≤ 0).</summary>
    YoyDifference,

    /// <summary>The value itself (diffusion indices such as a PMI).</summary>
    Level,
}

/// <summary>Computes the light metric of a regular series; NaN where it is not defined yet.</summary>
public static class LightMetric
{
    /// <summary>YoY growth when every value is positive, else YoY difference.</summary>
    public static LightMetricKind DefaultKind(RegularSeries series) =>
        series.Values.Where(double.IsFinite).All(v => v > 0) ? LightMetricKind.YoyGrowth : LightMetricKind.YoyDifference;

    /// <summary>
    /// As <see cref="DefaultKind(RegularSeries)"/>, but a series that already is a rate of change or a diffusion index
    /// (its name or unit says y/y, m/m, 同比, 环比, "previous year = 100", PMI) is lit on its own value, as the NBS
    /// 景气信号灯 does, and a percentage (a rate) on its difference from a year earlier.
    /// </summary>
    public static LightMetricKind DefaultKind(Core.Domain.SeriesInfo info, RegularSeries series)
    {
        if (Core.Domain.SeriesChange.IsRateOfChange(info.Code, info.Name, info.NameZh, info.Unit)) return LightMetricKind.Level;
        if (info.Unit?.StartsWith("Percent", StringComparison.OrdinalIgnoreCase) == true) return LightMetricKind.YoyDifference;
        return DefaultKind(series);
    }

    public static double[] Compute(RegularSeries series, LightMetricKind kind)
    {
        var x = series.Values;
        var lag = Math.Max(1, series.Frequency == Core.Domain.Frequency.Monthly ? 12 : series.Frequency == Core.Domain.Frequency.Quarterly ? 4 : 1);
        var metric = new double[x.Length];
        for (var t = 0; t < x.Length; t++)
        {
            metric[t] = kind switch
            {
                LightMetricKind.Level => x[t],
                _ when t < lag => double.NaN,
                LightMetricKind.YoyGrowth => x[t - lag] > 0 ? 100.0 * ((x[t] / x[t - lag]) - 1) : double.NaN,
                _ => x[t] - x[t - lag],
            };
        }
        return metric;
    }
}
