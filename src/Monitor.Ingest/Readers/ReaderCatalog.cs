using Monitor.Ingest.Model;

namespace Monitor.Ingest.Readers;

/// <summary>All readers; picks one by the name a source gives, or by detection when the layout is unambiguous.</summary>
public sealed class ReaderCatalog(IEnumerable<IFormatReader> readers)
{
    private readonly List<IFormatReader> _readers = readers.ToList();

    public IReadOnlyList<string> Formats => _readers.Select(r => r.Format).ToList();

    /// <summary>The reader named by <paramref name="format"/>, or the only one that recognises the file when it is null or "auto".</summary>
    public IFormatReader Resolve(string path, string? format)
    {
        if (!string.IsNullOrWhiteSpace(format) && !format.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return _readers.FirstOrDefault(r => r.Format.Equals(format, StringComparison.OrdinalIgnoreCase))
                ?? throw new InputRejectedException(0, "format", $"unknown format '{format}' (known: {string.Join(", ", Formats)})");
        }
        if (!File.Exists(path) && !Directory.Exists(path)) throw new InputRejectedException(0, "file", "not found");
        var sniff = FileSniff.Of(path);
        if (sniff.IsEmpty) throw new InputRejectedException(1, "file", "empty file");
        if (sniff.IsBinary && sniff.Extension is not (".parquet" or ".xls" or ".xlsx" or ".xlsm")) throw new InputRejectedException(1, "file", "binary data (NUL bytes), not a text file of a known layout");
        var matches = _readers.Where(r => r.Detect(sniff)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new InputRejectedException(1, "format", $"unknown layout (name the format: {string.Join(", ", Formats)})"),
            _ => throw new InputRejectedException(1, "format", $"ambiguous layout ({string.Join(" or ", matches.Select(m => m.Format))}): name the format"),
        };
    }
}
