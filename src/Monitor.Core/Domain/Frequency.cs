namespace Monitor.Core.Domain;

/// <summary>Sampling frequency of a series, as coded in the catalogue (D, W, M, Q, A).</summary>
public enum Frequency
{
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Annual,
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
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };

    public static Frequency ParseFrequency(string code) => TryParseFrequency(code, out var f)
        ? f
        : throw new FormatException($"unknown frequency '{code}' (expected D, W, M, Q or A)");

    public static bool TryParseFrequency(string? code, out Frequency frequency)
    {
        switch (code?.Trim().ToUpperInvariant())
        {
            case "D": frequency = Frequency.Daily; return true;
            case "W": frequency = Frequency.Weekly; return true;
            case "M": frequency = Frequency.Monthly; return true;
            case "Q": frequency = Frequency.Quarterly; return true;
            case "A" or "Y": frequency = Frequency.Annual; return true;
            default: frequency = default; return false;
        }
    }

    /// <summary>Periods per year used as the seasonal period (m in MASE): 12, 4, 1; 7 for daily, 52 for weekly.</summary>
    public static int SeasonLength(this Frequency frequency) => frequency switch
    {
        Frequency.Monthly => 12,
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
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };

    /// <summary>The first day of the period that contains <paramref name="date"/>.</summary>
    public static DateOnly PeriodStart(this Frequency frequency, DateOnly date) => frequency switch
    {
        Frequency.Monthly => new DateOnly(date.Year, date.Month, 1),
        Frequency.Quarterly => new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1),
        Frequency.Annual => new DateOnly(date.Year, 1, 1),
        _ => date,
    };
}
