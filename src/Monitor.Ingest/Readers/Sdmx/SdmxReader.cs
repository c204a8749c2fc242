using Monitor.Ingest.Model;

namespace Monitor.Ingest.Readers.Sdmx;

/// <summary>
/// Reads SDMX data messages without a mapping: SDMX-ML 2.1 (generic and structure-specific; series, flat and
/// cross-section), SDMX-JSON 1.0 and 2.0, SDMX-CSV 1.0 and 2.0. A structure message (the source's mapping, or the
/// one *structure*.xml beside the file) supplies names and tells dimensions from attributes.
/// </summary>
public sealed class SdmxReader : IFormatReader
{
    public string Format => "sdmx";

    public bool Detect(FileSniff sniff) =>
        !sniff.IsDirectory && (SdmxXml.IsDataMessage(sniff.Head) || SdmxJson.IsDataMessage(sniff.Head) || (sniff.Extension is ".csv" or ".txt" && SdmxCsv.IsDataMessage(sniff.Line(0))));

    public IReadOnlyList<string> Files(string path) => StructureBeside(path) is { } structure ? [path, structure] : [path];

    public void Read(ReadRequest request, IRowSink sink)
    {
        var structurePath = request.Mapping ?? StructureBeside(request.Path);
        var structure = structurePath is null ? null : SdmxStructure.Load(structurePath);
        var sniff = FileSniff.Of(request.Path);
        SdmxLoader Loader(SdmxHeader header) => new(request, sink, header);
        if (SdmxXml.IsDataMessage(sniff.Head)) SdmxXml.Read(request.Path, structure, Loader);
        else if (SdmxJson.IsDataMessage(sniff.Head)) SdmxJson.Read(request.Path, sink, Loader);
        else if (SdmxCsv.IsDataMessage(sniff.Line(0))) SdmxCsv.Read(request.Path, request.Encoding, structure, Loader);
        else throw new InputRejectedException(1, "format", "not an SDMX data message (SDMX-ML 2.1, SDMX-JSON or SDMX-CSV)");
    }

    /// <summary>The one SDMX-ML structure message (a .xml whose name holds "structure") beside a data file, if exactly one is there.</summary>
    public static string? StructureBeside(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is null || !Directory.Exists(folder)) return null;
        var candidates = Directory.EnumerateFiles(folder, "*structure*.xml").Where(f => !string.Equals(Path.GetFullPath(f), Path.GetFullPath(path), StringComparison.Ordinal)).Take(2).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }
}
