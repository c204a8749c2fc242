using System.Globalization;

namespace Monitor.Present.Export.Formats;

/// <summary>
/// An .xlsx workbook with a data sheet 预测 (typed cells, date and number formats) and a metadata sheet 说明
/// (when, which filter, row count, and a bilingual dictionary of the columns).
/// </summary>
public sealed class XlsxExportWriter : IExportRowWriter
{
    public const string DataSheet = "预测";
    public const string MetadataSheet = "说明";

    public ExportFormat Format => ExportFormat.Xlsx;

    public ExportResult Write(IEnumerable<object?[]> rows, ExportMetadata metadata, Stream output)
    {
        using var package = new XlsxPackage(output);
        ExportResult result;
        using (var sheet = package.AddSheet(DataSheet))
        {
            result = WriteData(sheet, rows);
        }
        using (var sheet = package.AddSheet(MetadataSheet))
        {
            WriteMetadata(sheet, metadata, result);
        }
        return result;
    }

    private static ExportResult WriteData(XlsxSheetWriter sheet, IEnumerable<object?[]> rows)
    {
        sheet.StartRow();
        foreach (var column in ExportColumns.All) sheet.Text(column.Name, XlsxStyles.Header);
        sheet.EndRow();
        var counter = new ExportCounter();
        foreach (var row in rows)
        {
            counter.Count(row);
            sheet.StartRow();
            for (var i = 0; i < row.Length; i++) sheet.Value(row[i], ExportColumns.All[i].Kind);
            sheet.EndRow();
        }
        return counter.Result(ExportFormat.Xlsx);
    }

    private static void WriteMetadata(XlsxSheetWriter sheet, ExportMetadata metadata, ExportResult result)
    {
        Pair(sheet, "生成时间 (UTC) generated", metadata.GeneratedAtUtc);
        Pair(sheet, "筛选条件 filter", metadata.Filter);
        Pair(sheet, "数据库 store", metadata.Store);
        Pair(sheet, "行数 rows", result.Rows);
        Pair(sheet, "序列数 series", result.Series);
        sheet.StartRow();
        sheet.EndRow();
        sheet.StartRow();
        foreach (var heading in new[] { "列 column", "中文", "English", "类型 type" }) sheet.Text(heading, XlsxStyles.Header);
        sheet.EndRow();
        foreach (var column in ExportColumns.All)
        {
            sheet.StartRow();
            sheet.Text(column.Name);
            sheet.Text(column.LabelZh);
            sheet.Text(column.LabelEn);
            sheet.Text(column.Kind.ToString().ToLower(CultureInfo.InvariantCulture));
            sheet.EndRow();
        }
    }

    private static void Pair(XlsxSheetWriter sheet, string label, object value)
    {
        sheet.StartRow();
        sheet.Text(label, XlsxStyles.Header);
        sheet.Value(value, value is DateTime ? ColumnKind.Timestamp : ColumnKind.Text);
        sheet.EndRow();
    }
}
