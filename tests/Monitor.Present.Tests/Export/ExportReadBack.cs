using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Monitor.Present.Tests.Export;

/// <summary>Reads export files back the way an analyst's tool would, for round-trip assertions.</summary>
internal static class ExportReadBack
{
    /// <summary>RFC 4180 records of a CSV file (quoted fields, doubled quotes, CRLF inside quotes).</summary>
    public static List<List<string>> Csv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        return records;
    }

    /// <summary>The cells of one sheet: (text or number as string, the cell's data type) per row.</summary>
    public static List<List<XlsxCell>> XlsxSheet(string path, string sheetName)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Row>()
            .Select(row => row.Elements<Cell>().Select(ToCell).ToList())
            .ToList();
    }

    public static IReadOnlyList<string> XlsxSheetNames(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        return document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
    }

    private static XlsxCell ToCell(Cell cell)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return new XlsxCell(cell.InlineString?.InnerText, true, cell.StyleIndex?.Value ?? 0);
        return new XlsxCell(cell.CellValue?.Text, false, cell.StyleIndex?.Value ?? 0);
    }
}

/// <summary>One read-back spreadsheet cell: its text, whether it is a string (else a number), and its style index.</summary>
internal sealed record XlsxCell(string? Text, bool IsText, uint Style);
