using System.Globalization;

namespace Monitor.Ingest.Readers.Text;

/// <summary>How a value cell parsed.</summary>
internal enum CellKind
{
    Number,
    Missing,
    NotANumber,
    OutOfRange,
}

/// <summary>Parses value cells the way publishers write them: invariant decimals, and the missing markers they use.</summary>
internal static class Cells
{
    /// <summary>Parses a value: empty, "..", "-", "NA", "nan" are missing; Infinity and overflows (1e400) are out of range.</summary>
    public static CellKind Parse(ReadOnlySpan<char> cell, out double value)
    {
        var text = cell.Trim();
        value = 0;
        if (text.IsEmpty || text is ".." or "-" or "--" || text.Equals("NA", StringComparison.OrdinalIgnoreCase) || text.Equals("nan", StringComparison.OrdinalIgnoreCase))
            return CellKind.Missing;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return CellKind.NotANumber;
        return double.IsFinite(value) ? CellKind.Number : CellKind.OutOfRange;
    }

    /// <summary>The reason to print for a cell that is not a usable number.</summary>
    public static string Reason(CellKind kind, ReadOnlySpan<char> cell) => kind switch
    {
        CellKind.NotANumber => $"'{Clip(cell)}' is not a number",
        CellKind.OutOfRange => $"'{Clip(cell)}' is out of range (not a finite double)",
        CellKind.Missing => "value is missing",
        _ => "",
    };

    /// <summary>A cell quoted in an error message, cut short so that a garbage line cannot flood the report.</summary>
    public static string Clip(ReadOnlySpan<char> cell) => cell.Length <= 40 ? cell.ToString() : cell[..40].ToString() + "…";

    /// <summary>Empty (after trimming) means absent: null, as the catalogue stores it.</summary>
    public static string? NullIfEmpty(ReadOnlySpan<char> cell)
    {
        var text = cell.Trim();
        return text.IsEmpty ? null : text.ToString();
    }
}
