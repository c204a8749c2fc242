using Monitor.Ingest.Model;

namespace Monitor.Ingest.Vintage;

/// <summary>One file (or folder) to ingest: which source and dataset it belongs to, the bytes that identify it, and how to read it.</summary>
public sealed record IngestInput(
    string Source,
    string Dataset,
    string Location,
    string FileName,
    IReadOnlyList<string> HashedFiles,
    Action<IRowSink> Read,
    bool Force = false);
