using Monitor.Ingest.Model;
using Monitor.Ingest.Readers;
using Monitor.Ingest.Readers.Long;
using Monitor.Ingest.Vintage;

namespace Monitor.Ingest.Sources;

/// <summary>Ingests one local file or dataset folder: picks its reader, names its dataset, hands it to the vintage writer.</summary>
public sealed class FileIngestor(VintageWriter writer, ReaderCatalog readers)
{
    /// <summary>What to ingest and how; everything but the path is optional.</summary>
    public sealed record Request(string Source, string Path, string? Dataset = null, string? Format = null, SourceDefaults? Defaults = null, string? Encoding = null, bool Force = false, bool Quarantine = false, string? Mapping = null);

    public IngestResult Ingest(Request request, CancellationToken cancellationToken = default)
    {
        var dataset = string.IsNullOrWhiteSpace(request.Dataset) ? DatasetOf(request.Path) : request.Dataset.Trim();
        IFormatReader reader;
        try
        {
            reader = readers.Resolve(request.Path, request.Format);
        }
        catch (InputRejectedException ex)
        {
            return Reject(request, ex, cancellationToken);
        }

        var files = request.Mapping is null ? reader.Files(request.Path) : [.. reader.Files(request.Path), request.Mapping];
        if (files.FirstOrDefault(f => !File.Exists(f)) is { } missing)
            return writer.Ingest(new IngestInput(request.Source, dataset, request.Path, Display(missing), [], _ => throw new InputRejectedException(0, "file", "not found")), cancellationToken);

        var read = new ReadRequest(request.Path, dataset, request.Defaults ?? SourceDefaults.None, request.Encoding, request.Mapping);
        var main = reader is LongLayoutReader ? LongLayoutReader.ObservationsFile(request.Path) : request.Path;
        return writer.Ingest(new IngestInput(request.Source, dataset, request.Path, Display(main), files, sink => reader.Read(read, sink), request.Force, request.Quarantine), cancellationToken);
    }

    /// <summary>Records a run of the request that failed before anything could be read (no reader, download refused): the store is unchanged.</summary>
    public IngestResult Reject(Request request, InputRejectedException reason, CancellationToken cancellationToken = default)
    {
        var dataset = string.IsNullOrWhiteSpace(request.Dataset) ? DatasetOf(request.Path) : request.Dataset.Trim();
        var shown = Uri.TryCreate(request.Path, UriKind.Absolute, out var url) && !url.IsFile ? request.Source : Display(request.Path);
        return writer.Ingest(new IngestInput(request.Source, dataset, request.Path, shown, [], _ => throw reason), cancellationToken);
    }

    /// <summary>The dataset a path belongs to when none is named: its folder ("fred_md"), or the folder above raw/.</summary>
    public static string DatasetOf(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = Directory.Exists(full) ? full : System.IO.Path.GetDirectoryName(full) ?? full;
        var name = System.IO.Path.GetFileName(folder.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        if (name.Equals("raw", StringComparison.OrdinalIgnoreCase)) name = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(folder) ?? name);
        return string.IsNullOrEmpty(name) ? "default" : name;
    }

    private static string Display(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var relative = System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) ? full : relative;
    }
}
