using System.Globalization;

namespace Monitor.Present.Export.Formats;

/// <summary>The one RFC 4180 field writer: quotes a field when it holds a comma, quote, CR or LF, doubling inner quotes.</summary>
public static class CsvField
{
    public const string LineEnd = "\r\n";

    public static string Quote(string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0) return field;
        return "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Writes one record: fields separated by commas, each quoted as needed, ended by CRLF.</summary>
    public static void WriteRecord(TextWriter writer, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first) writer.Write(',');
            writer.Write(Quote(field));
            first = false;
        }
        writer.Write(LineEnd);
    }

    /// <summary>Invariant text for a value of a typed column (round-trippable numbers, ISO dates); text is guarded against formulas.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        string text => FormulaGuard.Neutralise(text),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => FormulaGuard.Neutralise(value.ToString() ?? ""),
    };
}
