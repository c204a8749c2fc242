namespace Monitor.Warn.Evaluation;

/// <summary>The two classic recession rules the leading composite is compared with, computed on the same monthly data.</summary>
public static class ClassicRules
{
    /// <summary>10y–3m yield-curve inversion: GS10 − TB3MS &lt; 0.</summary>
    public static bool[] YieldCurveInversion(DatasetFolder data)
    {
        var gs10 = Series(data, "GS10");
        var tb3 = Series(data, "TB3MS");
        return Enumerable.Range(0, data.Months).Select(t => gs10[t] - tb3[t] < 0).ToArray();
    }

    private static double[] Series(DatasetFolder data, string code) =>
        data.Series.TryGetValue(code, out var values) ? values : throw new FormatException($"the dataset has no monthly series {code}, which the classic rules need");

    /// <summary>Sahm rule: the 3-month mean unemployment rate at least 0.5 point above its low over the previous 12 months.</summary>
    public static bool[] Sahm(DatasetFolder data)
    {
        var u = Series(data, "UNRATE");
        var mean3 = new double[data.Months];
        for (var t = 0; t < data.Months; t++) mean3[t] = t < 2 ? double.NaN : (u[t] + u[t - 1] + u[t - 2]) / 3;
        var warning = new bool[data.Months];
        for (var t = 14; t < data.Months; t++)
        {
            var low = double.MaxValue;
            for (var j = t - 12; j < t; j++) if (double.IsFinite(mean3[j])) low = Math.Min(low, mean3[j]);
            warning[t] = double.IsFinite(mean3[t]) && mean3[t] - low >= 0.5;
        }
        return warning;
    }
}
