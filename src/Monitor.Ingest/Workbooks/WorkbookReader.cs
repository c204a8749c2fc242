using System.Text;
using ExcelDataReader;

namespace Monitor.Ingest.Workbooks;

/// <summary>
/// Reads .xls (BIFF8) and .xlsx workbooks with ExcelDataReader into typed cells with sheet!cell places. The kind is
/// taken from the bytes and must match the extension; an .xlsx is checked against zip bombs first.
/// </summary>
public static class WorkbookReader
{
    static WorkbookReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads a workbook file; <see cref="WorkbookException"/> for anything unreadable.</summary>
    public static Workbook Read(string path, WorkbookLimits? limits = null)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path), limits);
    }

    /// <summary>Reads a workbook from a seekable stream; <paramref name="fileName"/> names it in messages and gives the claimed kind.</summary>
    public static Workbook Read(Stream stream, string fileName, WorkbookLimits? limits = null)
    {
        limits ??= WorkbookLimits.Default;
        var kind = WorkbookContent.Detect(stream);
        var claimed = WorkbookContent.Claimed(fileName);
        if (kind == WorkbookKind.NotAWorkbook) throw new WorkbookException(fileName, null, "not an Excel workbook (.xls or .xlsx) by its content");
        if (claimed != WorkbookKind.NotAWorkbook && claimed != kind)
            throw new WorkbookException(fileName, null, $"the content is {(kind == WorkbookKind.Xls ? ".xls (BIFF8)" : ".xlsx")}, not what the extension says");
        if (kind == WorkbookKind.Xlsx) WorkbookContent.CheckInflatedSize(stream, fileName, limits);
        try
        {
            using var reader = kind == WorkbookKind.Xls ? ExcelReaderFactory.CreateBinaryReader(stream, Configuration) : ExcelReaderFactory.CreateOpenXmlReader(stream, Configuration);
            return new Workbook(fileName, ReadSheets(reader, fileName, limits));
        }
        catch (Exception ex) when (ex is not WorkbookException and (ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or System.Xml.XmlException or NotSupportedException or IndexOutOfRangeException or ArgumentException or InvalidOperationException))
        {
            throw new WorkbookException(fileName, null, $"damaged workbook: {ex.Message.Split('\n')[0]}");
        }
    }

    private static ExcelReaderConfiguration Configuration => new() { FallbackEncoding = Encoding.GetEncoding("GB18030"), LeaveOpen = true };

    private static List<WorkbookSheet> ReadSheets(IExcelDataReader reader, string fileName, WorkbookLimits limits)
    {
        var sheets = new List<WorkbookSheet>();
        long cells = 0;
        do
        {
            var name = reader.Name ?? $"Sheet{sheets.Count + 1}";
            var rows = new List<IReadOnlyList<WorkbookCell>>();
            while (reader.Read())
            {
                cells += reader.FieldCount;
                if (cells > limits.MaxCells) throw new WorkbookException(fileName, null, $"refused: more than {limits.MaxCells:N0} cells");
                var row = new WorkbookCell[reader.FieldCount];
                for (var column = 0; column < row.Length; column++) row[column] = Typed(name, rows.Count, column, reader.GetValue(column));
                rows.Add(row);
            }
            var merged = (reader.MergeCells ?? []).Select(m => new MergedRange(m.FromRow, m.FromColumn, m.ToRow, m.ToColumn)).ToList();
            sheets.Add(new WorkbookSheet(name, sheets.Count, rows, merged));
        }
        while (reader.NextResult());
        return sheets;
    }

    private static WorkbookCell Typed(string sheet, int row, int column, object? value) => value switch
    {
        null or DBNull => WorkbookCell.Empty(sheet, row, column),
        double d => new WorkbookCell(sheet, row, column, WorkbookCellType.Number, d),
        int i => new WorkbookCell(sheet, row, column, WorkbookCellType.Number, (double)i),
        DateTime t => new WorkbookCell(sheet, row, column, WorkbookCellType.Date, t),
        bool b => new WorkbookCell(sheet, row, column, WorkbookCellType.Boolean, b),
        string s when s.Length == 0 => WorkbookCell.Empty(sheet, row, column),
        string s => new WorkbookCell(sheet, row, column, WorkbookCellType.Text, s),
        _ => new WorkbookCell(sheet, row, column, WorkbookCellType.Text, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
    };
}
