using Monitor.Ingest.Workbooks;

namespace Monitor.Ingest.Readers.Excel;

/// <summary>
/// Numbers the cells of a workbook so that the ingest pipeline's "line" can carry a cell: sheet, row and column packed
/// into one long, decoded back to "工业!D14" in every message.
/// </summary>
internal sealed class WorkbookPlaces(IReadOnlyList<string> sheetNames)
{
    private const int ColumnBits = 14;
    private const int RowBits = 20;

    public static long Line(WorkbookCell cell, int sheetIndex) =>
        ((long)(sheetIndex + 1) << (ColumnBits + RowBits)) | ((long)cell.Row << ColumnBits) | (long)cell.Column;

    public string? Place(long line)
    {
        var sheet = (int)(line >> (ColumnBits + RowBits)) - 1;
        if (sheet < 0 || sheet >= sheetNames.Count) return null;
        var row = (int)((line >> ColumnBits) & ((1L << RowBits) - 1));
        var column = (int)(line & ((1L << ColumnBits) - 1));
        return $"{sheetNames[sheet]}!{CellAddress.Format(row, column)}";
    }
}
