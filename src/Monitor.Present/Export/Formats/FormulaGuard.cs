namespace Monitor.Present.Export.Formats;

/// <summary>
/// Neutralises text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) by prefixing an
/// apostrophe. Only text goes through here: numbers are written as numbers, so a real -3.2 stays a number.
/// </summary>
public static class FormulaGuard
{
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
