using System.Globalization;
using System.Text;
using Monitor.Core.Text;
using Monitor.Ingest.Workbooks;

namespace Monitor.Enterprises.Ingest;

/// <summary>
/// An enterprise panel in Excel (.xlsx, .xls), read through the sources' <see cref="WorkbookReader"/>: the first sheet,
/// the layout's columns in order in row 1, one row per firm, indicator and month (blank rows skipped). It is written
/// out as a temporary CSV for the same loader and checks, and every problem is pointed back at its cell ("企业!C5").
/// </summary>
internal sealed class PanelWorkbook : IDisposable
{
    private const int MaxProblems = 50;
    private readonly string _fileName;
    private readonly string _sheet;
    private readonly List<int> _rows = []; // data record i of the CSV (0-based) → sheet row (0-based)

    private PanelWorkbook(string fileName, string sheet, string csvPath)
    {
        _fileName = fileName;
        _sheet = sheet;
        CsvPath = csvPath;
    }

    /// <summary>The temporary CSV the loader reads (deleted on dispose).</summary>
    public string CsvPath { get; }

    /// <summary>Cells that cannot be carried over as the layout needs them; non-empty means the file is rejected.</summary>
    public List<PanelProblem> Problems { get; } = [];

    public static bool Is(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".xlsx" or ".xls";

    /// <summary>Reads the workbook and writes its first sheet as CSV; an unreadable workbook is one problem of the whole file.</summary>
    public static PanelWorkbook Open(string path)
    {
        var fileName = Path.GetFileName(path);
        var csv = Path.Combine(Path.GetTempPath(), $"monitor-panel-{Guid.NewGuid():N}.csv");
        WorkbookSheet sheet;
        try
        {
            sheet = WorkbookReader.Read(path).Sheets.FirstOrDefault() ?? throw new WorkbookException(fileName, null, "the workbook has no sheet");
        }
        catch (WorkbookException ex)
        {
            var failed = new PanelWorkbook(fileName, "", csv);
            failed.Problems.Add(new PanelProblem(fileName, 0, "file", ex.Reason, ex.Place));
            return failed;
        }
        var workbook = new PanelWorkbook(fileName, sheet.Name, csv);
        workbook.Write(sheet);
        return workbook;
    }

    /// <summary>Turns a problem the loader found in the CSV (header = line 1) into one naming the sheet's cell.</summary>
    public PanelProblem Place(PanelProblem problem)
    {
        if (problem.Place is not null || problem.Line < 1) return problem with { File = _fileName };
        var row = problem.Line == 1 ? 0 : problem.Line - 2 < _rows.Count ? _rows[(int)problem.Line - 2] : -1;
        if (row < 0) return problem with { File = _fileName };
        var column = Math.Max(0, Array.IndexOf(PanelLayout.Columns, problem.Field));
        return problem with { File = _fileName, Place = $"{_sheet}!{CellAddress.Format(row, column)}" };
    }

    public void Dispose()
    {
        if (File.Exists(CsvPath)) File.Delete(CsvPath);
    }

    private void Write(WorkbookSheet sheet)
    {
        var header = Enumerable.Range(0, sheet.ColumnCount).Select(c => sheet.Cell(0, c).Text).Reverse().SkipWhile(t => t.Length == 0).Reverse().ToList();
        if (!header.SequenceEqual(PanelLayout.Columns, StringComparer.Ordinal))
        {
            Problems.Add(new PanelProblem(_fileName, 1, "header", $"row 1 is '{string.Join(",", header)}'; expected {string.Join(",", PanelLayout.Columns)}", $"{_sheet}!A1"));
            return;
        }
        using var writer = new StreamWriter(CsvPath, false, new UTF8Encoding(false));
        CsvField.WriteRecord(writer, PanelLayout.Columns, "\n");
        for (var row = 1; row < sheet.RowCount && Problems.Count < MaxProblems; row++)
        {
            if (sheet.IsBlankRow(row)) continue;
            _rows.Add(row);
            CsvField.WriteRecord(writer, PanelLayout.Columns.Select((field, column) => Text(sheet.Cell(row, column), field)).ToList(), "\n");
        }
    }

    // Cells as the CSV layout writes them; a code typed as a number has lost what it was and is refused here.
    private string Text(WorkbookCell cell, string field)
    {
        switch (field)
        {
            case "enterprise_id" when cell.Type == WorkbookCellType.Number:
                Problems.Add(new PanelProblem(_fileName, 0, field, $"stored as a number ({cell.Text}); an 18-character code must be a text cell", cell.Place));
                return "";
            case "period" when cell.Type == WorkbookCellType.Date:
                return ((DateTime)cell.Value!).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            case "value":
                return cell.Number() is { IsNumber: true } number ? CsvField.Number(number.Value) : cell.Text;
            default:
                return cell.Text;
        }
    }
}
