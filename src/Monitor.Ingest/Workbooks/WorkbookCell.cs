using System.Globalization;

namespace Monitor.Ingest.Workbooks;

/// <summary>What a workbook cell holds, as the file stores it (a number typed as text stays <see cref="Text"/>).</summary>
public enum WorkbookCellType
{
    Empty,
    Number,
    Text,
    Date,
    Boolean,
}

/// <summary>One cell of a sheet: its 0-based row and column, its typed value, and its place as "sheet!D14".</summary>
public sealed record WorkbookCell(string Sheet, int Row, int Column, WorkbookCellType Type, object? Value)
{
    /// <summary>The A1 address ("D14").</summary>
    public string Address => CellAddress.Format(Row, Column);

    /// <summary>The sheet-qualified address used in error messages ("工业!D14").</summary>
    public string Place => $"{Sheet}!{Address}";

    public bool IsEmpty => Type == WorkbookCellType.Empty;

    /// <summary>The cell as text, trimmed ("" when empty; numbers in invariant culture, dates as yyyy-MM-dd).</summary>
    public string Text => Value switch
    {
        null => "",
        string s => s.Trim(),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("s", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        _ => Convert.ToString(Value, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };

    /// <summary>The cell read as a value the way bulletins write them (see <see cref="CellNumbers"/>).</summary>
    public CellNumber Number() => Value switch
    {
        double d => double.IsFinite(d) ? CellNumber.Of(d) : CellNumber.Bad($"'{Text}' is not a finite number"),
        null => CellNumber.Missing,
        string s => CellNumbers.Parse(s),
        _ => CellNumber.Bad($"'{Text}' is not a number"),
    };

    public static WorkbookCell Empty(string sheet, int row, int column) => new(sheet, row, column, WorkbookCellType.Empty, null);
}

/// <summary>A1 addresses: 0-based (row, column) to "D14" and back.</summary>
public static class CellAddress
{
    public static string Format(int row, int column) => ColumnName(column) + (row + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>0 → "A", 25 → "Z", 26 → "AA".</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) name = (char)('A' + (c - 1) % 26) + name;
        return name;
    }

    /// <summary>"A" → 0, "AA" → 26; -1 when the text is not a column name.</summary>
    public static int ParseColumn(string name)
    {
        var column = 0;
        var text = name.Trim().ToUpperInvariant();
        if (text.Length is 0 or > 3) return -1;
        foreach (var c in text)
        {
            if (c is < 'A' or > 'Z') return -1;
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }
}
