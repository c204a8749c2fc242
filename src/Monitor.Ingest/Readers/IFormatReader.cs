using Monitor.Ingest.Model;

namespace Monitor.Ingest.Readers;

/// <summary>A reader of one publisher's layout: recognises its files and turns them into series and values.</summary>
public interface IFormatReader
{
    /// <summary>The name a source entry uses to pick this reader ("long", "fred-md", "nbs", …).</summary>
    string Format { get; }

    /// <summary>True when the file's name and first lines leave no doubt that it is this layout.</summary>
    bool Detect(FileSniff sniff);

    /// <summary>The files whose bytes make up the input (hashed to skip unchanged files).</summary>
    IReadOnlyList<string> Files(string path) => [path];

    void Read(ReadRequest request, IRowSink sink);
}

/// <summary>What a reader needs to read one input: where it is, its dataset, the source's defaults, declared encoding and mapping file.</summary>
public sealed record ReadRequest(string Path, string Dataset, SourceDefaults Defaults, string? Encoding = null, string? Mapping = null);

/// <summary>Catalogue values a source supplies when its files do not carry them (Country: the economy of its national series).</summary>
public sealed record SourceDefaults(string? Domain = null, string? RegionCode = null, string? IndustryCode = null, string? Country = null)
{
    public static SourceDefaults None { get; } = new();
}
