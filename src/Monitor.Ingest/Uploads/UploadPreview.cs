using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Ingest.Model;
using Monitor.Ingest.Readers;
using Monitor.Ingest.Readers.Excel;
using Monitor.Ingest.Readers.Sdmx;
using Monitor.Ingest.Vintage;

namespace Monitor.Ingest.Uploads;

/// <summary>What an upload would store: the reader and mapping chosen, the first rows as they would be stored, and every problem with its place.</summary>
public sealed record PreviewResult(
    string? Format,
    string? Mapping,
    IReadOnlyList<PreviewRow> Rows,
    int SeriesCount,
    long RowsRead,
    long RowsStaged,
    long RowsSkipped,
    long ProblemCount,
    IReadOnlyList<IngestProblem> Problems)
{
    /// <summary>True when confirming would load the file (no problem found).</summary>
    public bool Loadable => Format is not null && ProblemCount == 0 && RowsStaged > 0;
}

/// <summary>One row as it would be stored.</summary>
public sealed record PreviewRow(string SeriesId, string Name, string Frequency, string? Unit, DateOnly Period, double Value);

/// <summary>
/// Reads an upload into the same staging sink as a real load, on a private in-memory database, so the preview applies
/// exactly the checks of the load (and nothing touches the store). With the store given, the store-dependent check
/// (a series whose frequency differs from the stored one) runs too, on a copy of the stored frequencies.
/// </summary>
public sealed class UploadPreview(ReaderCatalog readers, MonitorStore? store = null)
{
    public PreviewResult Run(StoredUpload upload, string dataset, string? format = null, string? mapping = null, int rows = 20)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var sink = new StagingSink(connection, dataset, upload.FileName);
        IFormatReader? reader = null;
        try
        {
            reader = readers.Resolve(upload.Path, format);
            reader.Read(new ReadRequest(upload.Path, dataset, SourceDefaults.None, null, mapping), sink);
        }
        catch (InputRejectedException ex)
        {
            sink.Problem(ex.Line, ex.Field, ex.Message);
        }
        sink.Complete();
        StagingTables.AppendSeries(connection, sink.StagedSeries);
        if (sink.ProblemCount == 0) StagedChecks.WithinFile(connection, sink);
        if (store is not null && sink.StagedSeries.Count > 0)
        {
            CopyStoredFrequencies(connection, sink.StagedSeries.Select(s => s.SeriesId).ToHashSet(StringComparer.Ordinal));
            StagedChecks.AgainstStore(connection, sink);
        }
        var staged = Sql.Long(connection, null, $"SELECT count(*) FROM {StagingTables.Observations}");
        return new PreviewResult(reader?.Format, mapping is null ? MappingOf(reader, upload.Path) : System.IO.Path.GetFileName(mapping), FirstRows(connection, rows), sink.StagedSeries.Count,
            sink.RowsRead, staged, sink.RowsSkipped, sink.ProblemCount, sink.Problems);
    }

    /// <summary>The stored frequency of each staged series, as a `series` table on the preview's private database.</summary>
    private void CopyStoredFrequencies(DuckDBConnection preview, HashSet<string> staged)
    {
        Sql.Execute(preview, null, "CREATE TABLE series (series_id VARCHAR PRIMARY KEY, frequency VARCHAR NOT NULL)");
        using var appender = preview.CreateAppender("series");
        using var stored = store!.Open();
        using var command = Sql.Command(stored, null, "SELECT series_id, frequency FROM series");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (staged.Contains(id)) appender.CreateRow().AppendValue(id).AppendValue(reader.GetString(1)).EndRow();
        }
    }

    private static string? MappingOf(IFormatReader? reader, string path) => reader switch
    {
        ExcelReader => ExcelMapping.Beside(path) is { } m ? System.IO.Path.GetFileName(m) : "none (simple table detected)",
        SdmxReader => SdmxReader.StructureBeside(path) is { } s ? System.IO.Path.GetFileName(s) : "none (SDMX read without a structure message)",
        _ => null,
    };

    private static List<PreviewRow> FirstRows(DuckDBConnection connection, int rows)
    {
        using var command = Sql.Command(connection, null, $"""
            SELECT s.series_id, s.name, s.frequency, s.unit, o.period, o.value
            FROM {StagingTables.Observations} o JOIN {StagingTables.Series} s USING (sidx) ORDER BY o.line, s.series_id LIMIT {rows}
            """);
        using var reader = command.ExecuteReader();
        var result = new List<PreviewRow>();
        while (reader.Read())
            result.Add(new PreviewRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                DateOnly.FromDateTime(reader.GetDateTime(4)), reader.GetDouble(5)));
        return result;
    }
}
