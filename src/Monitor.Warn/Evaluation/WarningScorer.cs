namespace Monitor.Warn.Evaluation;

/// <summary>How one rule scored: per peak the first warning in [peak − 24, peak + 6] and its lead; the false-alarm episodes.</summary>
public sealed record WarningScore(
    string Rule,
    IReadOnlyList<(DateOnly Peak, DateOnly? FirstWarning, int? Lead)> Peaks,
    IReadOnlyList<DateOnly> FalseAlarmStarts,
    DateOnly From,
    DateOnly To)
{
    public int Detected => Peaks.Count(p => p.Lead is not null);

    public double? MedianLead
    {
        get
        {
            var leads = Peaks.Where(p => p.Lead is not null).Select(p => (double)p.Lead!.Value).Order().ToList();
            if (leads.Count == 0) return null;
            return leads.Count % 2 == 1 ? leads[leads.Count / 2] : 0.5 * (leads[(leads.Count / 2) - 1] + leads[leads.Count / 2]);
        }
    }
}

/// <summary>
/// Scores a monthly warning signal against NBER peaks: a peak is detected when a warning month falls in
/// [peak − 24, peak + 6] (lead = peak − first such month, in months; positive = early). A warning episode is a run of
/// consecutive warning months; it is a false alarm when it starts outside every peak window and outside recessions.
/// </summary>
public static class WarningScorer
{
    public const int WindowBefore = 24;
    public const int WindowAfter = 6;

    /// <summary>Scores the months from <paramref name="from"/> to <paramref name="until"/> (default: the data's end): peaks in that span, false alarms starting in it.</summary>
    public static WarningScore Score(string rule, DatasetFolder data, bool[] warning, ReferenceCycle reference, DateOnly from, DateOnly? until = null)
    {
        var first = Math.Max(0, data.IndexOf(from));
        var to = until is { } u && u < data.MonthAt(data.Months - 1) ? u : data.MonthAt(data.Months - 1);
        var last = data.IndexOf(to);
        var peaks = new List<(DateOnly, DateOnly?, int?)>();
        foreach (var peak in reference.Peaks.Where(p => p >= from && p <= to))
        {
            var p = data.IndexOf(peak);
            int? hit = null;
            for (var t = Math.Max(first, p - WindowBefore); t <= Math.Min(last, p + WindowAfter); t++)
            {
                if (warning[t]) { hit = t; break; }
            }
            peaks.Add((peak, hit is { } h ? data.MonthAt(h) : null, hit is { } k ? p - k : null));
        }
        var falseAlarms = new List<DateOnly>();
        for (var t = first; t <= last; t++)
        {
            if (!warning[t] || (t > first && warning[t - 1])) continue;
            var month = data.MonthAt(t);
            var inWindow = reference.Peaks.Any(p => month >= p.AddMonths(-WindowBefore) && month <= p.AddMonths(WindowAfter));
            if (!inWindow && !reference.InRecession(month)) falseAlarms.Add(month);
        }
        return new WarningScore(rule, peaks, falseAlarms, from, to);
    }
}
