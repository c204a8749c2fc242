using Monitor.Core.Store;

namespace Monitor.Testing;

/// <summary>
/// A simulated panel for nowcast tests: six monthly series and one quarterly series (in each quarter's third month)
/// driven by one AR(1) factor, deterministic by its seed; and its loading into a store as series test:m0..m5 and
/// test:gdp, monthly values known on the 15th of the next month, quarterly ones 28 days after the quarter.
/// </summary>
public static class NowcastTestPanel
{
    public static readonly DateOnly Start = new(2012, 1, 1);

    public const string Gdp = "test:gdp";

    public static string Monthly(int i) => $"test:m{i}";

    /// <summary>Rows are months from <see cref="Start"/>; columns 0–5 monthly, 6 the quarterly series (NaN outside quarter ends).</summary>
    public static double[][] Simulate(int periods = 240, int seed = 7)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var factor = new double[periods];
        for (var t = 1; t < periods; t++) factor[t] = (0.7 * factor[t - 1]) + Normal();
        double[] loadings = [1.0, 0.8, -0.6, 0.5, 1.2, 0.3];
        var data = new double[periods][];
        for (var t = 0; t < periods; t++)
        {
            data[t] = new double[7];
            for (var i = 0; i < 6; i++) data[t][i] = 2 + (loadings[i] * factor[t]) + (0.7 * Normal());
            var quarterEnd = t % 3 == 2 && t >= 4;
            data[t][6] = quarterEnd ? 0.5 + (0.4 * ((factor[t] + (2 * factor[t - 1]) + (3 * factor[t - 2]) + (2 * factor[t - 3]) + factor[t - 4]) / 9)) + (0.2 * Normal()) : double.NaN;
        }
        return data;
    }

    /// <summary>Stores the first <paramref name="upTo"/> months as vintage 1.</summary>
    public static void Load(MonitorStore store, double[][] data, int upTo)
    {
        for (var i = 0; i < 6; i++)
            AddSeries(store, Monthly(i), Enumerable.Range(0, upTo).Select(t => (Start.AddMonths(t), data[t][i], Known(t, 1, 15))).ToList());
        AddSeries(store, Gdp, Enumerable.Range(0, upTo).Where(t => double.IsFinite(data[t][6]))
            .Select(t => (Start.AddMonths(t - 2), data[t][6], Known(t, 1, 28))).ToList(), "Q");
    }

    /// <summary>Releases month <paramref name="month"/> of the given monthly series at <paramref name="at"/> (vintage 2).</summary>
    public static void Release(MonitorStore store, double[][] data, int month, int[] series, DateTime at)
    {
        using var connection = store.Open();
        foreach (var i in series)
            StoreSql.Execute(connection, "INSERT INTO observations VALUES ($1, $2, $3, $4, NULL, 2)", Monthly(i), Start.AddMonths(month).ToDateTime(TimeOnly.MinValue), data[month][i], at);
    }

    public static void AddSeries(MonitorStore store, string id, IReadOnlyList<(DateOnly Period, double Value, DateTime Known)> values, string frequency = "M")
    {
        using var connection = store.Open();
        StoreSql.Execute(connection, "INSERT INTO series (series_id, dataset, code, name, domain, frequency) VALUES ($1, 'test', $2, $2, 'macro', $3)", id, id[5..], frequency);
        foreach (var (period, value, known) in values)
            StoreSql.Execute(connection, "INSERT INTO observations VALUES ($1, $2, $3, $4, NULL, 1)", id, period.ToDateTime(TimeOnly.MinValue), value, known);
    }

    private static DateTime Known(int t, int monthsAfter, int day) => Start.AddMonths(t + monthsAfter).ToDateTime(TimeOnly.MinValue).AddDays(day - 1);
}
