using Monitor.Core.Domain;

namespace Monitor.Warn.Numerics;

/// <summary>A regular series on consecutive periods: the first period, the frequency and one value (or NaN) per step.</summary>
public sealed record RegularSeries(DateOnly Start, Frequency Frequency, double[] Values)
{
    public int Count => Values.Length;

    public DateOnly PeriodAt(int index) => Frequency.AddPeriods(Start, index);

    /// <summary>Lays observations on a regular grid from the first to the last period; gaps become NaN.</summary>
    public static RegularSeries From(IReadOnlyList<Observation> observations, Frequency frequency)
    {
        if (observations.Count == 0) return new RegularSeries(default, frequency, []);
        var start = observations[0].Period;
        var values = new List<double>();
        foreach (var o in observations)
        {
            var index = IndexOf(start, o.Period, frequency);
            while (values.Count <= index) values.Add(double.NaN);
            values[index] = o.Value;
        }
        return new RegularSeries(start, frequency, values.ToArray());
    }

    /// <summary>Number of periods from <paramref name="start"/> to <paramref name="period"/>.</summary>
    public static int IndexOf(DateOnly start, DateOnly period, Frequency frequency) => frequency switch
    {
        Frequency.Monthly => ((period.Year - start.Year) * 12) + period.Month - start.Month,
        Frequency.Quarterly => (((period.Year - start.Year) * 12) + period.Month - start.Month) / 3,
        Frequency.Annual => period.Year - start.Year,
        Frequency.Weekly => (period.DayNumber - start.DayNumber) / 7,
        Frequency.TenDay => ((((period.Year - start.Year) * 12) + period.Month - start.Month) * 3) + ((period.Day - 1) / 10) - ((start.Day - 1) / 10),
        Frequency.HalfYearly => (((period.Year - start.Year) * 12) + period.Month - start.Month) / 6,
        _ => period.DayNumber - start.DayNumber,
    };
}
