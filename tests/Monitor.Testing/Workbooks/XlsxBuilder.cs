using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Monitor.Testing.Workbooks;

/// <summary>
/// Writes small .xlsx workbooks for tests with DocumentFormat.OpenXml: sheets of rows where a double is a number cell,
/// a string a text cell (shared string), a DateTime a date (serial with a date style), null an absent cell; merges by A1 range.
/// </summary>
public sealed class XlsxBuilder
{
    private readonly List<(string Name, List<object?[]> Rows, List<string> Merges)> _sheets = [];

    /// <summary>Adds a sheet; rows are given top to bottom from A1.</summary>
    public XlsxBuilder Sheet(string name, params object?[][] rows)
    {
        _sheets.Add((name, rows.ToList(), []));
        return this;
    }

    /// <summary>Merges a range ("A3:A4") on the last sheet added.</summary>
    public XlsxBuilder Merge(string range)
    {
        _sheets[^1].Merges.Add(range);
        return this;
    }

    public string Save(string path)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook(new Sheets());
        var strings = workbookPart.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable();
        AddStyles(workbookPart);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        uint id = 1;
        foreach (var (name, rows, merges) in _sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++) data.Append(Row(r, rows[r], strings.SharedStringTable, index));
            part.Worksheet = new Worksheet(data);
            if (merges.Count > 0) part.Worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
            workbookPart.Workbook.Sheets!.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = name });
        }
        workbookPart.Workbook.Save();
        return path;
    }

    private static Row Row(int r, object?[] values, SharedStringTable strings, Dictionary<string, int> index)
    {
        var row = new Row { RowIndex = (uint)(r + 1) };
        for (var c = 0; c < values.Length; c++)
        {
            if (values[c] is not { } value) continue;
            var cell = new Cell { CellReference = ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture) };
            switch (value)
            {
                case DateTime date:
                    cell.CellValue = new CellValue(date.ToOADate().ToString(CultureInfo.InvariantCulture));
                    cell.StyleIndex = 1;
                    break;
                case string text:
                    if (!index.TryGetValue(text, out var at))
                    {
                        at = index.Count;
                        index[text] = at;
                        strings.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                    }
                    cell.DataType = CellValues.SharedString;
                    cell.CellValue = new CellValue(at.ToString(CultureInfo.InvariantCulture));
                    break;
                case bool flag:
                    cell.DataType = CellValues.Boolean;
                    cell.CellValue = new CellValue(flag ? "1" : "0");
                    break;
                default:
                    cell.CellValue = new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                    break;
            }
            row.Append(cell);
        }
        return row;
    }

    // Style 0 is general, style 1 a date (built-in number format 14), so that readers see dates as dates.
    private static void AddStyles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
    }

    private static string ColumnName(int column)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) name = (char)('A' + (c - 1) % 26) + name;
        return name;
    }
}
