namespace Monitor.Ingest.Workbooks;

/// <summary>A workbook read whole: its sheets in file order, each a grid of typed cells.</summary>
public sealed class Workbook(string fileName, IReadOnlyList<WorkbookSheet> sheets)
{
    /// <summary>The file name used in messages ("monthly.xlsx").</summary>
    public string FileName { get; } = fileName;

    public IReadOnlyList<WorkbookSheet> Sheets { get; } = sheets;

    /// <summary>The sheet of that name (exact, then ignoring case and surrounding spaces), or null.</summary>
    public WorkbookSheet? Find(string name) =>
        Sheets.FirstOrDefault(s => s.Name == name) ?? Sheets.FirstOrDefault(s => s.Name.Trim().Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The sheet of that name; a <see cref="WorkbookException"/> naming the sheets there are when it is absent.</summary>
    public WorkbookSheet Sheet(string name) => Find(name)
        ?? throw new WorkbookException(FileName, null, $"no sheet '{name}' (sheets: {string.Join(", ", Sheets.Select(s => s.Name))})");
}

/// <summary>One sheet: rows of cells (0-based), with its merged ranges.</summary>
public sealed class WorkbookSheet(string name, int index, IReadOnlyList<IReadOnlyList<WorkbookCell>> rows, IReadOnlyList<MergedRange> merged)
{
    public string Name { get; } = name;

    /// <summary>0-based position of the sheet in the workbook.</summary>
    public int Index { get; } = index;

    /// <summary>The rows as stored, each as wide as the sheet's widest row is in the file (trailing empties included).</summary>
    public IReadOnlyList<IReadOnlyList<WorkbookCell>> Rows { get; } = rows;

    public IReadOnlyList<MergedRange> Merged { get; } = merged;

    public int RowCount => Rows.Count;

    public int ColumnCount => Rows.Count == 0 ? 0 : Rows.Max(r => r.Count);

    /// <summary>The cell at (row, column), an empty one outside the stored grid.</summary>
    public WorkbookCell Cell(int row, int column) =>
        row >= 0 && row < Rows.Count && column >= 0 && column < Rows[row].Count ? Rows[row][column] : WorkbookCell.Empty(Name, row, column);

    /// <summary>Like <see cref="Cell"/>, but a cell inside a merged range reads the range's top-left value (merged headers).</summary>
    public WorkbookCell MergedCell(int row, int column)
    {
        foreach (var range in Merged)
        {
            if (range.Contains(row, column))
            {
                var origin = Cell(range.FromRow, range.FromColumn);
                return origin with { Row = row, Column = column };
            }
        }
        return Cell(row, column);
    }

    /// <summary>True when every cell of the row is empty or blank text.</summary>
    public bool IsBlankRow(int row) => row >= Rows.Count || Rows[row].All(c => c.Text.Length == 0);
}

/// <summary>A merged block of cells, 0-based and inclusive.</summary>
public sealed record MergedRange(int FromRow, int FromColumn, int ToRow, int ToColumn)
{
    public bool Contains(int row, int column) => row >= FromRow && row <= ToRow && column >= FromColumn && column <= ToColumn;
}

/// <summary>A workbook that cannot be read, or a cell that breaks the rules: "monthly.xlsx: 工业!D14: reason".</summary>
public sealed class WorkbookException(string fileName, string? place, string reason)
    : Exception(place is null ? $"{fileName}: {reason}" : $"{fileName}: {place}: {reason}")
{
    public string FileName { get; } = fileName;

    /// <summary>"工业!D14", or null when the whole file is at fault.</summary>
    public string? Place { get; } = place;

    public string Reason { get; } = reason;
}
