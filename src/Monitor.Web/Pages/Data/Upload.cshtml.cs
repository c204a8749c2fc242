using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Audit;
using Monitor.Ingest.Uploads;
using Monitor.Web.Pages.Shared;
using Monitor.Web.Security.Audit;

namespace Monitor.Web.Pages.Data;

/// <summary>
/// Upload (analysts and admins): a file is kept by its hash after hostile ones are refused, previewed as it would be
/// stored (reader or mapping, first rows, every problem by place), and loaded by a Hangfire job on confirmation.
/// </summary>
public sealed class UploadModel(UploadStore uploads, UploadPreview preview, IBackgroundJobClient client, IAuditLog audit) : MonitorPageModel
{
    public PreviewResult? Preview { get; private set; }
    public StoredUpload? Upload { get; private set; }
    public StoredUpload? MappingUpload { get; private set; }
    public string? Refused { get; private set; }

    [BindProperty]
    public string Dataset { get; set; } = "uploads";

    [BindProperty]
    public string? ReaderFormat { get; set; }

    public void OnGet()
    {
    }

    /// <summary>Keeps the file (and its mapping, if one is given) and shows what it would store; nothing is loaded yet.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, IFormFile? mapping)
    {
        if (file is null) { Refused = T("请选择文件。", "Choose a file."); return Page(); }
        if (!ValidDataset()) return Page();
        using var scope = audit.Begin(HttpContext.AuditActor(), "upload", file.FileName, $"size={file.Length}" + (mapping is null ? "" : $"&mapping={mapping.FileName}"));
        try
        {
            MappingUpload = mapping is null ? null : await Keep(mapping, mappingFile: true);
            Upload = await Keep(file, mappingFile: false);
            Preview = preview.Run(Upload, Dataset.Trim(), string.IsNullOrWhiteSpace(ReaderFormat) ? null : ReaderFormat, MappingUpload?.Path);
            scope.Complete(Preview.RowsStaged, $"sha256={Upload.Sha256}" + (MappingUpload is null ? "" : $"&mapping_sha256={MappingUpload.Sha256}"));
        }
        catch (UploadRejectedException ex)
        {
            Refused = ex.Message;
            scope.Fail(ex.Message, AuditOutcome.Denied);
        }
        return Page();
    }

    /// <summary>Loads a previewed upload (with its mapping) as a Hangfire job, like any ingest.</summary>
    public IActionResult OnPostConfirm(string id, string fileName, string? mappingId, string? mappingName)
    {
        if (!ValidDataset()) return Page();
        StoredUpload? upload;
        StoredUpload? mapping = null;
        try
        {
            upload = uploads.Find(id, fileName);
            if (!string.IsNullOrEmpty(mappingId) && !string.IsNullOrEmpty(mappingName) && (mapping = uploads.Find(mappingId, mappingName)) is null) return NotFound();
        }
        catch (UploadRejectedException ex) { Refused = ex.Message; return Page(); }
        if (upload is null) return NotFound();
        var actor = HttpContext.AuditActor();
        var format = string.IsNullOrWhiteSpace(ReaderFormat) ? null : ReaderFormat;
        var (mapId, mapName) = (mapping?.Id, mapping?.FileName);
        client.Enqueue<UploadIngestJob>(job => job.Run(upload.Id, upload.FileName, Dataset.Trim(), format, mapId, mapName, actor.Name, actor.Via));
        TempData["Enqueued"] = "upload:" + upload.FileName;
        return RedirectToPage("/Data/Index");
    }

    // A mapping is a workbook mapping (.json) or an SDMX structure message (.xml); both are kept by hash like the data.
    private async Task<StoredUpload> Keep(IFormFile file, bool mappingFile)
    {
        if (mappingFile && Path.GetExtension(file.FileName).ToLowerInvariant() is not (".json" or ".xml"))
            throw new UploadRejectedException(T($"已拒绝：映射文件须为 .json（工作簿映射）或 .xml（SDMX 结构），而非 '{file.FileName}'。",
                $"refused: a mapping is a .json workbook mapping or an .xml SDMX structure, not '{file.FileName}'"));
        await using var stream = file.OpenReadStream();
        return uploads.Save(stream, file.FileName);
    }

    private bool ValidDataset()
    {
        if (Dataset.Trim() is { Length: > 0 and <= 64 } name && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-')) return true;
        Refused = T("数据集名称只能包含字母、数字、_ 和 -。", "The dataset name may hold letters, digits, _ and - only.");
        return false;
    }
}
