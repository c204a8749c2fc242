using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitor.Ingest.Readers.Sdmx;

/// <summary>
/// SDMX TIME_PERIOD values: 2014 (A), 2014-S1 (S), 2014-Q1 (Q), 2014-01 (M), 2014-W05 (W, ISO week, its Monday),
/// 2014-01-15 (D), also the reporting forms 2014-A1, 2014-M01, 2014-D015 and date-times (their date).
/// </summary>
internal static partial class SdmxTime
{
    public static bool TryParse(string text, out DateOnly start, out string frequency)
    {
        start = default;
        frequency = "";
        var t = text.Trim();
        var m = Pattern().Match(t);
        if (!m.Success) return false;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 1 or > 9998) return false;
        if (!m.Groups["kind"].Success && !m.Groups["m"].Success) return Set(new DateOnly(year, 1, 1), "A", out start, out frequency);
        if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12) return false;
            if (!m.Groups["d"].Success) return Set(new DateOnly(year, month, 1), "M", out start, out frequency);
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            return day >= 1 && day <= DateTime.DaysInMonth(year, month) && Set(new DateOnly(year, month, day), "D", out start, out frequency);
        }
        var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        return m.Groups["kind"].Value.ToUpperInvariant() switch
        {
            "A" when n == 1 => Set(new DateOnly(year, 1, 1), "A", out start, out frequency),
            "S" when n is 1 or 2 => Set(new DateOnly(year, n == 1 ? 1 : 7, 1), "S", out start, out frequency),
            "Q" when n is >= 1 and <= 4 => Set(new DateOnly(year, (n - 1) * 3 + 1, 1), "Q", out start, out frequency),
            "M" when n is >= 1 and <= 12 => Set(new DateOnly(year, n, 1), "M", out start, out frequency),
            "W" when n >= 1 && n <= ISOWeek.GetWeeksInYear(year) => Set(DateOnly.FromDateTime(ISOWeek.ToDateTime(year, n, DayOfWeek.Monday)), "W", out start, out frequency),
            "D" when n >= 1 && n <= (DateTime.IsLeapYear(year) ? 366 : 365) => Set(new DateOnly(year, 1, 1).AddDays(n - 1), "D", out start, out frequency),
            _ => false,
        };
    }

    /// <summary>The store's frequency code for an SDMX FREQ code (B, business daily, is daily); null for those not stored (H, N, I).</summary>
    public static string? Frequency(string freq) => freq.Trim().ToUpperInvariant() switch
    {
        "A" => "A",
        "S" => "S",
        "Q" => "Q",
        "M" => "M",
        "W" => "W",
        "D" or "B" => "D",
        _ => null,
    };

    private static bool Set(DateOnly date, string kind, out DateOnly start, out string frequency)
    {
        start = date;
        frequency = kind;
        return true;
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?:(?<kind>[ASQMWDasqmwd])(?<n>\d{1,3})|(?<m>\d{2})(?:-(?<d>\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?)?))?$")]
    private static partial Regex Pattern();
}
