using Monitor.Core.Domain;

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
    public static DateOnly Start(string frequency, DateOnly date) =>
        FrequencyExtensions.TryParseFrequency(frequency, out var f) ? f.PeriodStart(date) : date;
}
