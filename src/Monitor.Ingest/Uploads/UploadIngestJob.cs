using Monitor.Core.Audit;
using Monitor.Ingest.Model;
using Monitor.Ingest.Sources;

namespace Monitor.Ingest.Uploads;

/// <summary>
/// Loads a confirmed upload as a new vintage (run by Hangfire like any ingest): source "upload:&lt;file name&gt;", the
/// kept file by its hash (and its uploaded mapping, if any), and an audit row naming who confirmed it with the run's outcome.
/// </summary>
public sealed class UploadIngestJob(UploadStore uploads, FileIngestor ingestor, IAuditLog audit)
{
    /// <summary>Loads an upload without a mapping file (the signature of jobs enqueued before mappings could be uploaded).</summary>
    public IngestResult Run(string uploadId, string fileName, string dataset, string? format, string user, string via) =>
        Run(uploadId, fileName, dataset, format, null, null, user, via);

    /// <summary>Loads an upload, read with the uploaded mapping (workbook mapping JSON or SDMX structure) when one is named.</summary>
    public IngestResult Run(string uploadId, string fileName, string dataset, string? format, string? mappingId, string? mappingName, string user, string via)
    {
        var upload = uploads.Find(uploadId, fileName) ?? throw new InvalidOperationException($"upload {uploadId}/{fileName} is no longer kept");
        var mapping = mappingId is null || mappingName is null ? null
            : uploads.Find(mappingId, mappingName) ?? throw new InvalidOperationException($"mapping {mappingId}/{mappingName} is no longer kept");
        var result = ingestor.Ingest(new FileIngestor.Request("upload:" + upload.FileName, upload.Path, dataset, format, Force: true, Mapping: mapping?.Path));
        var detail = $"sha256={upload.Sha256}&dataset={dataset}" + (mapping is null ? "" : $"&mapping={mapping.FileName}&mapping_sha256={mapping.Sha256}");
        audit.Write(new AuditEntry(new AuditActor(user, via), "upload.load", upload.FileName, detail,
            result.RowsNew + result.RowsRevised, result.Succeeded ? AuditOutcome.Success : AuditOutcome.Failure, result.Summary()));
        return result;
    }
}
