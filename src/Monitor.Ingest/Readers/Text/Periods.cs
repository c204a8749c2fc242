using System.Globalization;
using Monitor.Core.Domain;
using System.Text.RegularExpressions;

namespace Monitor.Ingest.Readers.Text;

/// <summary>
/// Period labels as the publishers write them, turned into the first day of the period:
/// ISO dates, FRED's m/d/yyyy, NBS 2025年09月份 / 2024年第1-3季度 / 2024年, NBS English "1Q 2026", dotted 2025.10, 201905.
/// </summary>
internal static partial class Periods
{
    /// <summary>yyyy-MM-dd without allocation (the long layout's hot path).</summary>
    public static bool TryIsoDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-') return false;
        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>FRED's month/day/year (3/1/1959); quarterly files date a quarter by its last month.</summary>
    public static bool TryUsDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), ["M/d/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>NBS Chinese labels: 2025年09月份 (M), 2025年第1季度 or 2024年第1-3季度 (Q, last quarter of the window), 2024年 (A).</summary>
    public static bool TryChinese(string text, out DateOnly date, out string frequency)
    {
        date = default;
        frequency = "";
        var t = text.Trim();
        if (MonthZh().Match(t) is { Success: true } m) return Make(m, out date, out frequency, "M");
        if (QuarterZh().Match(t) is { Success: true } q) return Make(q, out date, out frequency, "Q");
        if (YearZh().Match(t) is { Success: true } y) return Make(y, out date, out frequency, "A");
        return false;
    }

    /// <summary>NBS English exports: "1Q 2026".</summary>
    public static bool TryEnglishQuarter(string text, out DateOnly date)
    {
        date = default;
        var m = QuarterEn().Match(text.Trim());
        if (!m.Success) return false;
        var quarter = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (quarter is < 1 or > 4) return false;
        date = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return true;
    }

    /// <summary>Month labels that are text, not numbers: 2025.1 = January, 2025.10 = October; also 201905.</summary>
    public static bool TryDottedMonth(string text, out DateOnly date)
    {
        date = default;
        var t = text.Trim();
        var m = DottedMonth().Match(t);
        if (!m.Success) m = CompactMonth().Match(t);
        if (!m.Success) return false;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) return false;
        date = new DateOnly(year, month, 1);
        return true;
    }

    /// <summary>Whether <paramref name="date"/> is the first day of a period of <paramref name="frequency"/>.</summary>
    public static bool IsPeriodStart(DateOnly date, string frequency) =>
        !FrequencyExtensions.TryParseFrequency(frequency, out var f) || f.IsPeriodStart(date);

    private static bool Make(Match match, out DateOnly date, out string frequency, string kind)
    {
        date = default;
        frequency = kind;
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = kind switch
        {
            "M" => int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture),
            "Q" => (int.Parse(match.Groups["q"].Value, CultureInfo.InvariantCulture) - 1) * 3 + 1,
            _ => 1,
        };
        if (month is < 1 or > 12 || year < 1) return false;
        date = new DateOnly(year, month, 1);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    [GeneratedRegex(@"^(?<y>\d{4})年(?<m>\d{1,2})月份?$")]
    private static partial Regex MonthZh();

    [GeneratedRegex(@"^(?<y>\d{4})年第(?:\d-)?(?<q>[1-4])季度$")]
    private static partial Regex QuarterZh();

    [GeneratedRegex(@"^(?<y>\d{4})年$")]
    private static partial Regex YearZh();

    [GeneratedRegex(@"^([1-4])Q\s+(\d{4})$")]
    private static partial Regex QuarterEn();

    [GeneratedRegex(@"^(\d{4})\.(\d{1,2})$")]
    private static partial Regex DottedMonth();

    [GeneratedRegex(@"^(\d{4})(\d{2})$")]
    private static partial Regex CompactMonth();
}
