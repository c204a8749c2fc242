using Monitor.Core.Text;
using System.Text;

namespace Monitor.Present.Export.Formats;

/// <summary>CSV per RFC 4180 with a UTF-8 byte order mark, so that Excel opens Chinese names correctly.</summary>
public sealed class CsvExportWriter : IExportRowWriter
{
    public ExportFormat Format => ExportFormat.Csv;

    public ExportResult Write(IEnumerable<object?[]> rows, ExportMetadata metadata, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 1 << 16, leaveOpen: true);
        CsvField.WriteRecord(writer, ExportColumns.All.Select(c => c.Name));
        var counter = new ExportCounter();
        foreach (var row in rows)
        {
            counter.Count(row);
            CsvField.WriteRecord(writer, row.Select(CsvValue.Format));
        }
        return counter.Result(Format);
    }
}
