using Monitor.Core.Domain;

namespace Monitor.Ingest.Derive;

/// <summary>
/// Derived values of one series, period by period (a lag is the previous period by the calendar, so a gap gives no
/// value rather than a wrong one): y/y %, period-on-period %, log-difference, the FRED transform codes 1–7, and
/// year-to-date cumulative → single period.
/// </summary>
public static class SeriesTransforms
{
    /// <summary>The methods <see cref="Apply"/> knows.</summary>
    public static readonly IReadOnlyList<string> Methods = ["yoy", "mom", "logdiff", "tcode1", "tcode2", "tcode3", "tcode4", "tcode5", "tcode6", "tcode7", "ytd-single"];

    public static IReadOnlyList<Observation> Apply(string method, IReadOnlyList<Observation> series, Frequency frequency) => method switch
    {
        "yoy" => Change(series, frequency, frequency.SeasonLength(), (x, lag) => lag == 0 ? null : 100 * (x / lag - 1)),
        "mom" => Change(series, frequency, 1, (x, lag) => lag == 0 ? null : 100 * (x / lag - 1)),
        "logdiff" => Change(series, frequency, 1, (x, lag) => x > 0 && lag > 0 ? Math.Log(x) - Math.Log(lag) : null),
        ['t', 'c', 'o', 'd', 'e', var c] when c is >= '1' and <= '7' => FredTcode(series, frequency, c - '0'),
        "ytd-single" => YtdToSingle(series, frequency),
        _ => throw new ArgumentException($"unknown method '{method}' (known: {string.Join(", ", Methods)})", nameof(method)),
    };

    /// <summary>FRED-MD/QD tcodes: 1 x, 2 Δx, 3 Δ²x, 4 ln x, 5 Δ ln x, 6 Δ² ln x, 7 Δ(x/x₋₁ − 1).</summary>
    public static IReadOnlyList<Observation> FredTcode(IReadOnlyList<Observation> series, Frequency frequency, int code) => code switch
    {
        1 => series,
        2 => Difference(series, frequency),
        3 => Difference(Difference(series, frequency), frequency),
        4 => series.Where(o => o.Value > 0).Select(o => o with { Value = Math.Log(o.Value) }).ToList(),
        5 => Difference(FredTcode(series, frequency, 4), frequency),
        6 => Difference(Difference(FredTcode(series, frequency, 4), frequency), frequency),
        7 => Difference(Change(series, frequency, 1, (x, lag) => lag == 0 ? null : x / lag - 1), frequency),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "FRED transform codes are 1 to 7"),
    };

    /// <summary>
    /// Year-to-date totals → the value of each single period: YTD(t) − YTD(t−1) within a year; the first period of a
    /// year is its own YTD. Where January is missing and February holds the merged Jan–Feb release, February keeps
    /// that two-month total (the publisher never splits it); any other gap leaves the next period empty.
    /// </summary>
    public static IReadOnlyList<Observation> YtdToSingle(IReadOnlyList<Observation> series, Frequency frequency)
    {
        var byPeriod = series.ToDictionary(o => o.Period, o => o.Value);
        var result = new List<Observation>();
        foreach (var o in series.OrderBy(o => o.Period))
        {
            var previous = frequency.AddPeriods(o.Period, -1);
            if (previous.Year != o.Period.Year) result.Add(o);
            else if (byPeriod.TryGetValue(previous, out var before)) result.Add(o with { Value = o.Value - before });
            else if (frequency == Frequency.Monthly && o.Period.Month == 2) result.Add(o);
        }
        return result;
    }

    private static List<Observation> Difference(IReadOnlyList<Observation> series, Frequency frequency) =>
        Change(series, frequency, 1, (x, lag) => x - lag);

    private static List<Observation> Change(IReadOnlyList<Observation> series, Frequency frequency, int lag, Func<double, double, double?> compute)
    {
        var byPeriod = new Dictionary<DateOnly, double>(series.Count);
        foreach (var o in series) byPeriod[o.Period] = o.Value;
        var result = new List<Observation>(series.Count);
        foreach (var o in series)
        {
            if (!byPeriod.TryGetValue(frequency.AddPeriods(o.Period, -lag), out var before)) continue;
            if (compute(o.Value, before) is { } value && double.IsFinite(value)) result.Add(o with { Value = value });
        }
        return result;
    }
}
