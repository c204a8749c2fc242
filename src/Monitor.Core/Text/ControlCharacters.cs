using System.Globalization;

namespace Monitor.Core.Text;

/// <summary>
/// Finds the characters XML 1.0 forbids in a name or code: C0 control characters other than tab, line feed and
/// carriage return (which workbook cells legitimately hold), lone surrogates and U+FFFE/U+FFFF. One of them in a series
/// name broke every XLSX export (issue #16).
/// </summary>
public static class ControlCharacters
{
    /// <summary>The first such character as "U+0001 at position 4", or null when the text is clean.</summary>
    public static string? Describe(string? text)
    {
        if (text is null) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (c < ' ' && c is not ('\t' or '\n' or '\r') || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
                return string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4} at position {i + 1}");
        }
        return null;
    }
}
