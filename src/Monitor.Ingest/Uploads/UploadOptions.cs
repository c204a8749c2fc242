namespace Monitor.Ingest.Uploads;

/// <summary>The "Ingest:Uploads" section: where uploaded files are kept and how large they may be.</summary>
public sealed class UploadOptions
{
    public const string Section = "Ingest:Uploads";

    /// <summary>Largest upload accepted, in bytes (100 MB).</summary>
    public long MaxBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Largest size an .xlsx may inflate to (zip bomb guard), in bytes (512 MB).</summary>
    public long MaxUncompressedBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Folder (relative to MonitorPaths.Home) where uploads are kept by hash, so a load can be repeated and audited.</summary>
    public string Folder { get; set; } = "data/uploads";
}
