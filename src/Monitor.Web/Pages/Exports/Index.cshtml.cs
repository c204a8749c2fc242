using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Present.Export;
using Monitor.Core.Audit;
using Monitor.Web.Security;
using Monitor.Web.Security.Audit;

namespace Monitor.Web.Pages.Exports;

/// <summary>导出 / Exports: an analyst picks a format and filters and downloads the forecasts.</summary>
[Authorize(Policy = Policies.Analyst)]
public sealed class IndexModel(ForecastExporter exporter, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Format { get; set; } = "xlsx";
    [BindProperty(SupportsGet = true)] public string? Domain { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Industry { get; set; }
    [BindProperty(SupportsGet = true)] public string? Series { get; set; }
    [BindProperty(SupportsGet = true)] public string? Run { get; set; }
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public void OnGet()
    {
    }

    public IActionResult OnGetDownload()
    {
        using var audit = HttpContext.BeginAudit(AuditActions.Export);
        var problems = new List<string>();
        if (!ExportFormats.TryParse(Format, out var format)) problems.Add($"format: '{Format}' is not {ExportFormats.Choices}");
        var (filter, filterProblems) = ExportFilterParser.Parse(Option);
        problems.AddRange(filterProblems);
        if (filter is null || problems.Count > 0)
        {
            Problems = problems;
            audit.Fail(string.Join("; ", problems));
            return Page();
        }
        // Staged in a temporary file removed when the download stream closes (XLSX and Parquet need a real file).
        var staged = Path.Combine(Path.GetTempPath(), $"monitor-page-export-{Guid.NewGuid():N}{format.Extension()}");
        audit.Complete(exporter.ExportToFile(format, filter, staged).Rows);
        var file = new FileStream(staged, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose);
        return File(file, format.MediaType(), $"forecasts-{clock.GetUtcNow():yyyyMMdd-HHmmss}{format.Extension()}");
    }

    private string? Option(string name) => name switch
    {
        "domain" => Domain,
        "region" => Region,
        "industry" => Industry,
        "series" => Series,
        "run" => Run,
        "as-of" => AsOf,
        _ => null,
    };
}
