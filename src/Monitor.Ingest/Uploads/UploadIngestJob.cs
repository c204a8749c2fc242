using Monitor.Core.Audit;
using Monitor.Ingest.Model;
using Monitor.Ingest.Sources;

namespace Monitor.Ingest.Uploads;

/// <summary>
/// Loads a confirmed upload as a new vintage (run by Hangfire like any ingest): source "upload:&lt;file name&gt;", the
/// kept file by its hash, and an audit row naming who confirmed it with the run's outcome.
/// </summary>
public sealed class UploadIngestJob(UploadStore uploads, FileIngestor ingestor, IAuditLog audit)
{
    public IngestResult Run(string uploadId, string fileName, string dataset, string? format, string user, string via)
    {
        var upload = uploads.Find(uploadId, fileName) ?? throw new InvalidOperationException($"upload {uploadId}/{fileName} is no longer kept");
        var result = ingestor.Ingest(new FileIngestor.Request("upload:" + upload.FileName, upload.Path, dataset, format, Force: true));
        audit.Write(new AuditEntry(new AuditActor(user, via), "upload.load", upload.FileName, $"sha256={upload.Sha256}&dataset={dataset}",
            result.RowsNew + result.RowsRevised, result.Succeeded ? AuditOutcome.Success : AuditOutcome.Failure, result.Summary()));
        return result;
    }
}
