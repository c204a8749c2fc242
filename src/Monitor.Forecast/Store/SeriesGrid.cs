using Monitor.Core.Domain;

namespace Monitor.Forecast.Store;

/// <summary>A series laid on its regular calendar grid (missing periods are NaN), with the grid's first period.</summary>
public sealed record SeriesGrid(DateOnly FirstPeriod, double[] Values, Frequency Frequency)
{
    public DateOnly LastPeriod => Period(Values.Length - 1);

    public DateOnly Period(int index) => Frequency.AddPeriods(FirstPeriod, index);

    /// <summary>Calendar position of the first value within its year (month − 1, quarter − 1), or null for other frequencies.</summary>
    public int? FirstCyclePosition => Frequency switch
    {
        Frequency.Monthly => FirstPeriod.Month - 1,
        Frequency.Quarterly => (FirstPeriod.Month - 1) / 3,
        _ => null,
    };

    /// <summary>Places observations on the grid from the first to the last period; periods with no value become NaN.</summary>
    public static SeriesGrid From(IReadOnlyList<Observation> observations, Frequency frequency)
    {
        if (observations.Count == 0) return new SeriesGrid(default, [], frequency);
        var first = frequency.PeriodStart(observations[0].Period);
        var byPeriod = new Dictionary<DateOnly, double>();
        foreach (var o in observations) byPeriod[frequency.PeriodStart(o.Period)] = o.Value;
        var last = byPeriod.Keys.Max();
        var values = new List<double>();
        for (var p = first; p <= last && values.Count < 100_000; p = frequency.AddPeriods(p, 1))
            values.Add(byPeriod.TryGetValue(p, out var v) ? v : double.NaN);
        return new SeriesGrid(first, values.ToArray(), frequency);
    }
}
