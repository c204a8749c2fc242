using Monitor.Core.Domain;

namespace Monitor.Forecast.Store;

/// <summary>A series laid on its regular calendar grid (missing periods are NaN), with the grid's first period.</summary>
public sealed record SeriesGrid(DateOnly FirstPeriod, double[] Values, Frequency Frequency)
{
    public DateOnly LastPeriod => Period(Values.Length - 1);

    public DateOnly Period(int index) => Frequency.AddPeriods(FirstPeriod, index);

    /// <summary>Calendar position of the first value within its year (month − 1, quarter − 1, ten-day − 1, half − 1), or null for other frequencies.</summary>
    public int? FirstCyclePosition => Frequency switch
    {
        Frequency.Monthly => FirstPeriod.Month - 1,
        Frequency.Quarterly => (FirstPeriod.Month - 1) / 3,
        Frequency.TenDay => ((FirstPeriod.Month - 1) * 3) + ((FirstPeriod.Day - 1) / 10),
        Frequency.HalfYearly => (FirstPeriod.Month - 1) / 6,
        _ => null,
    };

    /// <summary>
    /// Calendar positions (month − 1, quarter − 1) never published although the history passes them in at least two years,
    /// e.g. January where NBS releases January and February together. They are filled for modelling like any interior gap,
    /// but no forecast is written for them: that value will never be released.
    /// </summary>
    public IReadOnlySet<int> NeverPublished()
    {
        var result = new HashSet<int>();
        if (FirstCyclePosition is not { } first) return result;
        var seasonLength = Frequency.SeasonLength();
        var seen = new int[seasonLength];
        var published = new bool[seasonLength];
        for (var i = 0; i < Values.Length; i++)
        {
            var position = (first + i) % seasonLength;
            seen[position]++;
            published[position] |= double.IsFinite(Values[i]);
        }
        for (var position = 0; position < seasonLength; position++)
            if (seen[position] >= 2 && !published[position]) result.Add(position);
        return result;
    }

    /// <summary>Calendar position of grid index <paramref name="index"/> (may lie beyond the history), or null.</summary>
    public int? CyclePosition(int index) => FirstCyclePosition is { } first ? (first + index) % Frequency.SeasonLength() : null;

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
