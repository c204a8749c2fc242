using Monitor.Ingest.Model;

namespace Monitor.Ingest.Vintage;

/// <summary>
/// One file (or folder) to ingest: which source and dataset it belongs to, the bytes that identify it, how to read it,
/// and whether bad rows reject the whole file (default) or are quarantined while the rest loads.
/// </summary>
public sealed record IngestInput(
    string Source,
    string Dataset,
    string Location,
    string FileName,
    IReadOnlyList<string> HashedFiles,
    Action<IRowSink> Read,
    bool Force = false,
    bool Quarantine = false);
