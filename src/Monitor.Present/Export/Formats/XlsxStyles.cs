using DocumentFormat.OpenXml.Spreadsheet;

namespace Monitor.Present.Export.Formats;

/// <summary>The workbook's few cell styles: dates, timestamps, decimals, integers and a bold header.</summary>
internal static class XlsxStyles
{
    public const uint Default = 0;
    public const uint Date = 1;
    public const uint Timestamp = 2;
    public const uint Number = 3;
    public const uint Integer = 4;
    public const uint Header = 5;

    public static uint For(ColumnKind kind) => kind switch
    {
        ColumnKind.Date => Date,
        ColumnKind.Timestamp => Timestamp,
        ColumnKind.Number => Number,
        ColumnKind.Integer => Integer,
        _ => Default,
    };

    public static Stylesheet Build() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm:ss" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "#,##0.000" }) { Count = 3 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "等线" })) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true }) { Count = 6 });
}
