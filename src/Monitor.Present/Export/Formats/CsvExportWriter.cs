using Monitor.Core.Text;
using System.Text;

namespace Monitor.Present.Export.Formats;

/// <summary>CSV per RFC 4180 with a UTF-8 byte order mark, so that Excel opens Chinese names correctly.</summary>
public sealed class CsvExportWriter : IExportRowWriter
{
    public ExportFormat Format => ExportFormat.Csv;

    public ExportResult Write(IEnumerable<object?[]> rows, ExportMetadata metadata, Stream output)
    {
        var counter = new ExportCounter();
        WriteTable(ExportColumns.All, rows.Select(row =>
        {
            counter.Count(row);
            return row;
        }), output);
        return counter.Result(Format);
    }

    /// <summary>Any table as this CSV (header of column names, then the rows); returns the number of rows written.</summary>
    public static long WriteTable(IReadOnlyList<ExportColumn> columns, IEnumerable<object?[]> rows, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 1 << 16, leaveOpen: true);
        CsvField.WriteRecord(writer, columns.Select(c => c.Name));
        long count = 0;
        foreach (var row in rows)
        {
            count++;
            CsvField.WriteRecord(writer, row.Select(CsvValue.Format));
        }
        return count;
    }
}
