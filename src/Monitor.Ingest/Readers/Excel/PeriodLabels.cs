using System.Globalization;
using System.Text.RegularExpressions;
using Monitor.Ingest.Workbooks;

namespace Monitor.Ingest.Readers.Excel;

/// <summary>A period found in a label: its first day and its frequency code.</summary>
internal readonly record struct LabelPeriod(DateOnly Start, string Frequency);

/// <summary>
/// Periods as workbook titles, sheet names and header cells write them: 2025年9月, 2025年1-9月 (the window's last month),
/// 2025年9月上旬 (ten-day), 2025年第3季度, 2025年, 2025-09, 2025.9, 202509, 2025Q3, 2025-09-15, and date cells.
/// </summary>
internal static partial class PeriodLabels
{
    public static LabelPeriod? Of(WorkbookCell cell) =>
        cell.Value is DateTime date ? new LabelPeriod(DateOnly.FromDateTime(date), "D") : Find(cell.Text, whole: true);

    /// <summary>The period a label names; with <paramref name="whole"/> false, anywhere in a longer title.</summary>
    public static LabelPeriod? Find(string label, bool whole = false)
    {
        var text = CellNumbers.Normalise(label);
        foreach (var (pattern, kind) in Patterns)
        {
            var match = pattern.Match(text);
            if (!match.Success || (whole && match.Length != text.Length)) continue;
            if (Make(match, kind) is { } period) return period;
        }
        return null;
    }

    private static readonly (Regex Pattern, string Kind)[] Patterns =
    [
        (TenDayZh(), "T"), (MonthZh(), "M"), (QuarterZh(), "Q"), (Iso(), "D"), (QuarterEn(), "Q"), (MonthNum(), "M"), (Compact(), "M"), (YearZh(), "A"),
    ];

    private static LabelPeriod? Make(Match m, string kind)
    {
        int Group(string name) => int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture);
        var year = Group("y");
        if (year is < 1700 or > 2200) return null;
        var month = kind switch { "M" or "T" or "D" => Group("m"), "Q" => (Group("q") - 1) * 3 + 1, _ => 1 };
        if (month is < 1 or > 12) return null;
        var day = kind switch
        {
            "T" => m.Groups["t"].Value switch { "上" => 1, "中" => 11, _ => 21 },
            "D" => Group("d"),
            _ => 1,
        };
        if (day > DateTime.DaysInMonth(year, month)) return null;
        return new LabelPeriod(new DateOnly(year, month, day), kind);
    }

    [GeneratedRegex(@"(?<y>\d{4})年(?<m>\d{1,2})月(?<t>[上中下])旬")]
    private static partial Regex TenDayZh();

    [GeneratedRegex(@"(?<y>\d{4})年(?:\d{1,2}[-—~～至])?(?<m>\d{1,2})月份?")]
    private static partial Regex MonthZh();

    [GeneratedRegex(@"(?<y>\d{4})年第?(?:[1-4][-—~～至])?(?<q>[1-4])季度?")]
    private static partial Regex QuarterZh();

    [GeneratedRegex(@"(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})")]
    private static partial Regex Iso();

    [GeneratedRegex(@"(?<y>\d{4})-?Q(?<q>[1-4])")]
    private static partial Regex QuarterEn();

    [GeneratedRegex(@"(?<y>\d{4})[-./](?<m>\d{1,2})(?![\d])")]
    private static partial Regex MonthNum();

    [GeneratedRegex(@"^(?<y>\d{4})(?<m>\d{2})$")]
    private static partial Regex Compact();

    [GeneratedRegex(@"(?<y>\d{4})年")]
    private static partial Regex YearZh();
}
