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
    public string? Refused { get; private set; }

    [BindProperty]
    public string Dataset { get; set; } = "uploads";

    [BindProperty]
    public string? ReaderFormat { get; set; }

    public void OnGet()
    {
    }

    /// <summary>Keeps the file and shows what it would store; nothing is loaded yet.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file)
    {
        if (file is null) { Refused = T("请选择文件。", "Choose a file."); return Page(); }
        if (!ValidDataset()) return Page();
        using var scope = audit.Begin(HttpContext.AuditActor(), "upload", file.FileName, $"size={file.Length}");
        try
        {
            await using var stream = file.OpenReadStream();
            Upload = uploads.Save(stream, file.FileName);
            Preview = preview.Run(Upload, Dataset.Trim(), string.IsNullOrWhiteSpace(ReaderFormat) ? null : ReaderFormat);
            scope.Complete(Preview.RowsStaged, $"sha256={Upload.Sha256}");
        }
        catch (UploadRejectedException ex)
        {
            Refused = ex.Message;
            scope.Fail(ex.Message, AuditOutcome.Denied);
        }
        return Page();
    }

    /// <summary>Loads a previewed upload as a Hangfire job, like any ingest.</summary>
    public IActionResult OnPostConfirm(string id, string fileName)
    {
        if (!ValidDataset()) return Page();
        StoredUpload? upload;
        try { upload = uploads.Find(id, fileName); }
        catch (UploadRejectedException ex) { Refused = ex.Message; return Page(); }
        if (upload is null) return NotFound();
        var actor = HttpContext.AuditActor();
        var format = string.IsNullOrWhiteSpace(ReaderFormat) ? null : ReaderFormat;
        client.Enqueue<UploadIngestJob>(job => job.Run(upload.Id, upload.FileName, Dataset.Trim(), format, actor.Name, actor.Via));
        TempData["Enqueued"] = "upload:" + upload.FileName;
        return RedirectToPage("/Data/Index");
    }

    private bool ValidDataset()
    {
        if (Dataset.Trim() is { Length: > 0 and <= 64 } name && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-')) return true;
        Refused = T("数据集名称只能包含字母、数字、_ 和 -。", "The dataset name may hold letters, digits, _ and - only.");
        return false;
    }
}
