namespace Monitor.Ingest.Uploads;

/// <summary>An uploaded file as kept: its content hash (the id), its cleaned name, size and path.</summary>
public sealed record StoredUpload(string Sha256, string FileName, long Size, string Path)
{
    /// <summary>The id used in pages and jobs: the first 16 hex digits of the hash.</summary>
    public string Id => Sha256[..16];
}
