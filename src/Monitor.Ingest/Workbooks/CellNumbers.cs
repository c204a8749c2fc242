using System.Globalization;
using System.Text;

namespace Monitor.Ingest.Workbooks;

/// <summary>A value cell as read: a number, missing (a marker or empty), or bad with the reason to print.</summary>
public readonly record struct CellNumber(double Value, bool IsMissing, string? Error)
{
    public static CellNumber Missing { get; } = new(0, true, null);

    public bool IsNumber => !IsMissing && Error is null;

    public static CellNumber Of(double value) => new(value, false, null);

    public static CellNumber Bad(string reason) => new(0, false, reason);
}

/// <summary>
/// Numbers as statistical bulletins write them in text cells: thousands separators ("49,670.2"), full-width digits
/// ("１２.３"), footnote marks after the number ("12.3①", "12.3*", "12.3a"), percent signs, and the missing markers
/// "—", "…", "-", "..", "NA", "" (with or without spaces). A comma anywhere but between groups of three digits is an error.
/// </summary>
public static class CellNumbers
{
    private static readonly string[] MissingMarkers = ["", "—", "——", "–", "-", "--", "…", "……", "...", "..", ".", "x", "X", "NA", "N/A", "n.a.", "nan", "NaN", "/", "*"];

    public static CellNumber Parse(string cell)
    {
        var text = Normalise(cell);
        if (MissingMarkers.Contains(text, StringComparer.Ordinal)) return CellNumber.Missing;
        var number = StripFootnote(text);
        if (number.EndsWith('%')) number = number[..^1].TrimEnd();
        if (!ThousandsOk(number)) return CellNumber.Bad($"'{Clip(cell)}' is not a number");
        var plain = number.Replace(",", "", StringComparison.Ordinal);
        if (!double.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
            return CellNumber.Bad($"'{Clip(cell)}' is not a number");
        return double.IsFinite(value) ? CellNumber.Of(value) : CellNumber.Bad($"'{Clip(cell)}' is out of range");
    }

    /// <summary>Full-width digits and signs to ASCII, spaces (also the ideographic one) removed, minus signs unified.</summary>
    public static string Normalise(string cell)
    {
        var builder = new StringBuilder(cell.Length);
        foreach (var c in cell)
        {
            if (char.IsWhiteSpace(c) || c == '\u3000') continue;
            builder.Append(c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '．' => '.',
                '，' => ',',
                '－' or '−' => '-',
                '＋' => '+',
                '％' => '%',
                _ => c,
            });
        }
        return builder.ToString();
    }

    /// <summary>A cell quoted in a message, cut short.</summary>
    public static string Clip(string cell) => cell.Length <= 40 ? cell : cell[..40] + "…";

    // Footnote marks follow the number: circled digits (①…⑳), *, †, ‡, #, a superscript, or one latin letter.
    private static string StripFootnote(string text)
    {
        var end = text.Length;
        while (end > 0 && IsFootnoteMark(text[end - 1])) end--;
        if (end == text.Length && end > 1 && char.IsAsciiLetter(text[end - 1]) && char.IsAsciiDigit(text[end - 2])) end--;
        return text[..end];
    }

    private static bool IsFootnoteMark(char c) =>
        c is (>= '\u2460' and <= '\u2473') or '*' or '†' or '‡' or '#' or '¹' or '²' or '³' or (>= '\u2070' and <= '\u2079');

    // "1,234.5" and "12,345,678" are grouped numbers; "12,3.4" and "1,23" are not.
    private static bool ThousandsOk(string text)
    {
        if (!text.Contains(',')) return true;
        var integer = text.Split('.')[0].TrimStart('-', '+');
        var groups = integer.Split(',');
        if (groups[0].Length is 0 or > 3) return false;
        return groups.Skip(1).All(g => g.Length == 3 && g.All(char.IsAsciiDigit));
    }
}
