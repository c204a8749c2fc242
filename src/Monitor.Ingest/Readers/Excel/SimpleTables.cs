using Monitor.Ingest.Workbooks;

namespace Monitor.Ingest.Readers.Excel;

/// <summary>Recognises the tables that need no mapping: periods down the first column, or periods across the header row.</summary>
internal static class SimpleTables
{
    public static ExcelMapping? Guess(WorkbookSheet sheet)
    {
        var table = SheetTable.Of(sheet, [], 0);
        if (table.HeaderRows.Length == 0 || table.DataRows.Length == 0) return null;
        var header = table.HeaderRows[^1];
        var periodsDown = table.DataRows.All(r => PeriodLabels.Of(sheet.Cell(r, 0)) is not null);
        if (periodsDown) return new ExcelMapping { Layout = TableLayout.PeriodsDown, HeaderRows = [header + 1], Unmapped = "code" };
        var values = table.ValueColumns().ToList();
        var periodsAcross = values.Count > 0 && values.All(c => PeriodLabels.Of(sheet.Cell(header, c)) is not null);
        return periodsAcross ? new ExcelMapping { Layout = TableLayout.PeriodsAcross, HeaderRows = [header + 1], Unmapped = "code" } : null;
    }
}
