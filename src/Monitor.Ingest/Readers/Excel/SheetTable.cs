using System.Text.RegularExpressions;
using Monitor.Ingest.Workbooks;

namespace Monitor.Ingest.Readers.Excel;

/// <summary>
/// The table inside a bulletin sheet: the title and unit lines above it, its (possibly merged, multi-row) header, its
/// data rows, and the notes (注：…) that end it.
/// </summary>
internal sealed partial class SheetTable
{
    private SheetTable(WorkbookSheet sheet, int[] headerRows, int labelColumn)
    {
        Sheet = sheet;
        HeaderRows = headerRows;
        LabelColumn = labelColumn;
        var first = headerRows.Length == 0 ? 0 : headerRows[^1] + 1;
        DataRows = Enumerable.Range(first, Math.Max(sheet.RowCount - first, 0))
            .TakeWhile(r => !IsNote(sheet.Cell(r, labelColumn).Text) && !IsNote(FirstText(sheet, r)))
            .Where(r => !sheet.IsBlankRow(r)).ToArray();
        Lead = Enumerable.Range(0, headerRows.Length == 0 ? 0 : headerRows[0]).SelectMany(r => sheet.Rows[r]).Where(c => c.Text.Length > 0).ToList();
    }

    public WorkbookSheet Sheet { get; }

    public int[] HeaderRows { get; }

    public int LabelColumn { get; }

    public int[] DataRows { get; }

    /// <summary>The non-empty cells above the header: title and unit lines.</summary>
    public IReadOnlyList<WorkbookCell> Lead { get; }

    /// <summary>The unit line's unit ("亿元" from 单位：亿元), if there is one.</summary>
    public string? Unit => Lead.Select(c => UnitLine().Match(c.Text)).FirstOrDefault(m => m.Success)?.Groups[1].Value.Trim();

    /// <summary>A table with the header rows given (1-based) or, when none are, detected.</summary>
    public static SheetTable Of(WorkbookSheet sheet, IReadOnlyList<int> headerRows, int labelColumn)
    {
        var rows = headerRows.Count > 0 ? headerRows.Select(r => r - 1).Order().ToArray() : DetectHeader(sheet, labelColumn);
        return new SheetTable(sheet, rows, labelColumn);
    }

    /// <summary>The header of a column: its header cells top to bottom (merged cells read their origin), repeats dropped, joined by "/".</summary>
    public string Header(int column)
    {
        var parts = new List<string>();
        foreach (var row in HeaderRows)
        {
            var text = Sheet.MergedCell(row, column).Text;
            if (text.Length > 0 && (parts.Count == 0 || parts[^1] != text)) parts.Add(text);
        }
        return string.Join('/', parts);
    }

    /// <summary>The columns right of the label column that have a header.</summary>
    public IEnumerable<int> ValueColumns() =>
        Enumerable.Range(LabelColumn + 1, Math.Max(Sheet.ColumnCount - LabelColumn - 1, 0)).Where(c => Header(c).Length > 0);

    /// <summary>A row label as compared with a mapping: no spaces, no footnote marks.</summary>
    public static string Key(string label) => FootnoteMarks().Replace(CellNumbers.Normalise(label), "").TrimEnd(':', '：');

    // The header starts at the first row with two or more filled cells and runs down to the last row before the
    // first one holding a number right of the label column.
    private static int[] DetectHeader(WorkbookSheet sheet, int labelColumn)
    {
        var start = Enumerable.Range(0, sheet.RowCount).FirstOrDefault(r => sheet.Rows[r].Count(c => c.Text.Length > 0) >= 2, -1);
        if (start < 0) return [];
        var end = start;
        while (end + 1 < sheet.RowCount && !HasNumber(sheet, end + 1, labelColumn) && !sheet.IsBlankRow(end + 1)) end++;
        return Enumerable.Range(start, end - start + 1).ToArray();
    }

    private static bool HasNumber(WorkbookSheet sheet, int row, int labelColumn) =>
        sheet.Rows[row].Where(c => c.Column > labelColumn).Any(c => c.Type == WorkbookCellType.Number || (c.Type == WorkbookCellType.Text && c.Number().IsNumber));

    private static string FirstText(WorkbookSheet sheet, int row) => row < sheet.RowCount ? sheet.Rows[row].FirstOrDefault(c => c.Text.Length > 0)?.Text ?? "" : "";

    private static bool IsNote(string text) => NoteLine().IsMatch(text);

    [GeneratedRegex(@"^\s*(注|说明|资料来源|数据来源|备注)\s*[:：\d]")]
    private static partial Regex NoteLine();

    [GeneratedRegex(@"单位\s*[:：]\s*(.+)$")]
    private static partial Regex UnitLine();

    [GeneratedRegex(@"[\u2460-\u2473*†‡#¹²³\u2070-\u2079]")]
    private static partial Regex FootnoteMarks();
}
