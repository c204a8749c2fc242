using Monitor.Ingest.Model;
using Monitor.Ingest.Workbooks;

namespace Monitor.Ingest.Readers.Excel;

/// <summary>
/// Reads statistical workbooks (.xls, .xlsx): with a mapping (beside the workbook or named by the source) in any of the
/// bulletin layouts; without one, simple tables (periods down the first column, or periods across the header).
/// Every bad cell is reported as file: sheet!cell: reason, and any such problem rejects the whole file.
/// </summary>
public sealed class ExcelReader : IFormatReader
{
    public string Format => "excel";

    public bool Detect(FileSniff sniff) => sniff.Extension is ".xls" or ".xlsx" or ".xlsm";

    public IReadOnlyList<string> Files(string path) => ExcelMapping.Beside(path) is { } mapping ? [path, mapping] : [path];

    public void Read(ReadRequest request, IRowSink sink)
    {
        var mappingPath = request.Mapping ?? ExcelMapping.Beside(request.Path);
        var mapping = mappingPath is null ? null : ExcelMapping.Load(mappingPath);
        Workbook book;
        try
        {
            book = WorkbookReader.Read(request.Path);
        }
        catch (WorkbookException ex)
        {
            throw new InputRejectedException(0, "workbook", ex.Place is null ? ex.Reason : $"{ex.Place}: {ex.Reason}");
        }
        var places = new WorkbookPlaces(book.Sheets.Select(s => s.Name).ToList());
        sink.UsePlaces(places.Place);
        var sheets = book.Sheets.Where(s => mapping?.ReadsSheet(s.Name) ?? true).Where(s => s.RowCount > 0).ToList();
        if (sheets.Count == 0) throw new InputRejectedException(0, "sheet", mapping is null ? "no sheet with data" : $"no sheet matches the mapping's sheets ({string.Join(", ", mapping.Sheets)})");
        foreach (var sheet in sheets)
        {
            var layout = mapping ?? SimpleTables.Guess(sheet);
            if (layout is null)
            {
                sink.Problem(WorkbookPlaces.Line(sheet.Cell(0, 0), sheet.Index), "layout",
                    $"no table recognised without a mapping (put {Path.GetFileNameWithoutExtension(request.Path)}.mapping.json beside the workbook; see docs/sources.md)");
                continue;
            }
            new SheetLoader(sheet, layout, request, sink, mapping is null).Load();
        }
    }
}
