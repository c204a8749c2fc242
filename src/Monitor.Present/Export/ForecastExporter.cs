using Monitor.Core.Store;
using Monitor.Present.Export.Formats;

namespace Monitor.Present.Export;

/// <summary>
/// Exports forecasts with their series metadata, intervals, model and accuracy in any <see cref="ExportFormat"/>,
/// streaming from the store to the file (nothing is held in memory). A file is written beside its target and moved
/// into place only when complete, so a failed export never leaves a half-written file.
/// </summary>
public sealed class ForecastExporter(MonitorStore store, TimeProvider clock)
{
    private static readonly IReadOnlyDictionary<ExportFormat, IExportRowWriter> Writers = new IExportRowWriter[]
    {
        new CsvExportWriter(), new XlsxExportWriter(), new JsonExportWriter(),
    }.ToDictionary(w => w.Format);

    public ExportResult ExportToFile(ExportFormat format, ExportFilter filter, string path)
    {
        CheckFilter(filter);
        var target = ParquetExport.CheckTarget(path);
        var partial = target + $".{Guid.NewGuid():N}.part";
        try
        {
            var result = format == ExportFormat.Parquet ? WriteParquet(filter, partial) : WriteRows(format, filter, partial);
            File.Move(partial, target, overwrite: true);
            return result;
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
    }

    /// <summary>Writes the export to <paramref name="output"/> (CSV, XLSX, JSON); Parquet goes through a temporary file.</summary>
    public ExportResult Export(ExportFormat format, ExportFilter filter, Stream output)
    {
        CheckFilter(filter);
        if (format != ExportFormat.Parquet) return WriteRows(format, filter, output);
        var temporary = Path.Combine(Path.GetTempPath(), $"monitor-export-{Guid.NewGuid():N}.parquet");
        try
        {
            var result = WriteParquet(filter, temporary);
            using var file = File.OpenRead(temporary);
            file.CopyTo(output);
            return result;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private ExportResult WriteRows(ExportFormat format, ExportFilter filter, string path)
    {
        // Write-only: System.IO.Packaging then streams the zip instead of buffering every part in memory.
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        return WriteRows(format, filter, file);
    }

    private ExportResult WriteRows(ExportFormat format, ExportFilter filter, Stream output)
    {
        using var connection = store.Open();
        return Writers[format].Write(ForecastExportStream.Read(connection, filter), Metadata(filter), output);
    }

    private ExportResult WriteParquet(ExportFilter filter, string path)
    {
        using var connection = store.Open();
        return ParquetExport.Write(connection, new ForecastExportQuery(filter), path);
    }

    private ExportMetadata Metadata(ExportFilter filter) =>
        new(clock.GetUtcNow().UtcDateTime, filter.Describe(), Path.GetFileName(store.DatabasePath));

    private static void CheckFilter(ExportFilter filter)
    {
        if (filter.Problem() is { } problem) throw new ArgumentException(problem);
    }
}
