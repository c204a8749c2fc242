using System.Globalization;

namespace Monitor.Present.Export.Formats;

/// <summary>Text of one typed export value for CSV (quoting is <see cref="Monitor.Core.Text.CsvField"/>'s job).</summary>
public static class CsvValue
{
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
