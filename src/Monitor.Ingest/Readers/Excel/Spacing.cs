namespace Monitor.Ingest.Readers.Excel;

/// <summary>The frequency of a run of periods: the labels' own (2025年9月 is monthly) or, for plain dates, their spacing.</summary>
internal static class Spacing
{
    public static string Frequency(IReadOnlyList<LabelPeriod> periods)
    {
        if (periods.Count == 0) return "M";
        if (periods[0].Frequency != "D") return periods[0].Frequency;
        if (periods.Count < 2) return "D";
        var days = Math.Abs(periods[1].Start.DayNumber - periods[0].Start.DayNumber);
        return days switch
        {
            <= 3 => "D",
            <= 8 => "W",
            <= 11 => "T",
            <= 31 => "M",
            <= 92 => "Q",
            <= 184 => "S",
            _ => "A",
        };
    }

    /// <summary>The first day of the period of that frequency holding <paramref name="date"/> (dates of month ends become months).</summary>
    public static DateOnly Start(string frequency, DateOnly date) => frequency switch
    {
        "T" => new DateOnly(date.Year, date.Month, date.Day >= 21 ? 21 : date.Day >= 11 ? 11 : 1),
        "M" => new DateOnly(date.Year, date.Month, 1),
        "Q" => new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1),
        "S" => new DateOnly(date.Year, date.Month <= 6 ? 1 : 7, 1),
        "A" => new DateOnly(date.Year, 1, 1),
        _ => date,
    };
}
