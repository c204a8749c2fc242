using System.Globalization;

namespace Monitor.Core.Text;

/// <summary>RFC 4180 field quoting and invariant number formatting: the one CSV writer helper of the repository.</summary>
public static class CsvField
{
    public static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>A number in invariant culture, shortest round-trip form, or rounded to <paramref name="decimals"/>.</summary>
    public static string Number(double value, int? decimals = null) =>
        decimals is { } d ? Math.Round(value, d, MidpointRounding.AwayFromZero).ToString("F" + d, CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Quote));

    /// <summary>Writes one record: fields separated by commas, each quoted as needed, ended by <paramref name="lineEnd"/> (CRLF by default, as RFC 4180 says).</summary>
    public static void WriteRecord(TextWriter writer, IEnumerable<string?> fields, string lineEnd = "\r\n")
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first) writer.Write(',');
            writer.Write(Quote(field));
            first = false;
        }
        writer.Write(lineEnd);
    }
}
