namespace Monitor.Core.Domain;

/// <summary>Sampling frequency of a series, as coded in the catalogue (D, W, T, M, Q, S, A).</summary>
public enum Frequency
{
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Annual,

    /// <summary>Ten-day periods (旬): days 1–10, 11–20 and 21 to the month's end; 36 a year (NBS prices of means of production).</summary>
    TenDay,

    /// <summary>Half-years (SDMX FREQ S): January and July.</summary>
    HalfYearly,
}

/// <summary>Codes, season lengths and period arithmetic for <see cref="Frequency"/>.</summary>
public static class FrequencyExtensions
{
    public static string Code(this Frequency frequency) => frequency switch
    {
        Frequency.Daily => "D",
        Frequency.Weekly => "W",
        Frequency.Monthly => "M",
        Frequency.Quarterly => "Q",
        Frequency.Annual => "A",
        Frequency.TenDay => "T",
        Frequency.HalfYearly => "S",
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };

    public static Frequency ParseFrequency(string code) => TryParseFrequency(code, out var f)
        ? f
        : throw new FormatException($"unknown frequency '{code}' (expected D, W, T, M, Q, S or A)");

    public static bool TryParseFrequency(string? code, out Frequency frequency)
    {
        switch (code?.Trim().ToUpperInvariant())
        {
            case "D": frequency = Frequency.Daily; return true;
            case "W": frequency = Frequency.Weekly; return true;
            case "M": frequency = Frequency.Monthly; return true;
            case "Q": frequency = Frequency.Quarterly; return true;
            case "A" or "Y": frequency = Frequency.Annual; return true;
            case "T": frequency = Frequency.TenDay; return true;
            case "S": frequency = Frequency.HalfYearly; return true;
            default: frequency = default; return false;
        }
    }

    /// <summary>Periods per year used as the seasonal period (m in MASE): 12, 4, 2, 1; 36 for ten-day, 7 for daily, 52 for weekly.</summary>
    public static int SeasonLength(this Frequency frequency) => frequency switch
    {
        Frequency.Monthly => 12,
        Frequency.TenDay => 36,
        Frequency.HalfYearly => 2,
        Frequency.Quarterly => 4,
        Frequency.Weekly => 52,
        Frequency.Daily => 7,
        _ => 1,
    };

    /// <summary>The first day of the period <paramref name="steps"/> periods after <paramref name="period"/>.</summary>
    public static DateOnly AddPeriods(this Frequency frequency, DateOnly period, int steps) => frequency switch
    {
        Frequency.Daily => period.AddDays(steps),
        Frequency.Weekly => period.AddDays(7 * steps),
        Frequency.Monthly => period.AddMonths(steps),
        Frequency.Quarterly => period.AddMonths(3 * steps),
        Frequency.Annual => period.AddYears(steps),
        Frequency.HalfYearly => period.AddMonths(6 * steps),
        Frequency.TenDay => TenDayAfter(period, steps),
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };

    /// <summary>The first day of the period that contains <paramref name="date"/>.</summary>
    public static DateOnly PeriodStart(this Frequency frequency, DateOnly date) => frequency switch
    {
        Frequency.Monthly => new DateOnly(date.Year, date.Month, 1),
        Frequency.Quarterly => new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1),
        Frequency.Annual => new DateOnly(date.Year, 1, 1),
        Frequency.HalfYearly => new DateOnly(date.Year, date.Month <= 6 ? 1 : 7, 1),
        Frequency.TenDay => new DateOnly(date.Year, date.Month, date.Day >= 21 ? 21 : date.Day >= 11 ? 11 : 1),
        _ => date,
    };

    /// <summary>Whether <paramref name="date"/> is the first day of a period (any day for D and W).</summary>
    public static bool IsPeriodStart(this Frequency frequency, DateOnly date) => frequency.PeriodStart(date) == date;

    // Ten-day periods count three to a month: the period index is month × 3 + (0, 1, 2 for days 1, 11, 21).
    private static DateOnly TenDayAfter(DateOnly period, int steps)
    {
        var start = Frequency.TenDay.PeriodStart(period);
        var index = (start.Year * 12 + start.Month - 1) * 3 + (start.Day - 1) / 10 + steps;
        var month = Math.DivRem(index, 3, out var dekad);
        return new DateOnly(month / 12, month % 12 + 1, dekad * 10 + 1);
    }
}
