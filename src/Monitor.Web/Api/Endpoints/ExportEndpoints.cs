using Monitor.Present.Export;
using Monitor.Core.Audit;
using Monitor.Web.Security;
using Monitor.Web.Security.Audit;

namespace Monitor.Web.Api.Endpoints;

/// <summary>GET /api/v1/exports?format=…: downloads a forecast export file (analysts and admins).</summary>
public static class ExportEndpoints
{
    public static void MapExports(this RouteGroupBuilder api) =>
        api.MapGet("/exports", Download).WithName("DownloadExport")
            .WithSummary("Download forecasts as CSV, XLSX, Parquet or JSON (导出)")
            .WithDescription("format: csv (UTF-8 with BOM), xlsx (sheets 预测 and 说明), parquet or json; filters as for /forecasts. Needs the analyst role.")
            .RequireAuthorization(ApiAuthentication.Require(Policies.Analyst))
            .Audited(AuditActions.Export);

    private static IResult Download(HttpContext context, ForecastExporter exporter, TimeProvider clock)
    {
        var query = new ApiQuery(context.Request, [.. ExportParameters.Names, "format"]);
        var formatText = query.Text("format") ?? "csv";
        if (!ExportFormats.TryParse(formatText, out var format))
            query.Error("format", $"format: '{formatText}' is not {ExportFormats.Choices}");
        var filter = ExportParameters.Filter(query);
        if (!query.IsValid || filter is null) return query.Problem();

        // Staged in a temporary file that is deleted when the response stream closes: an XLSX or Parquet file
        // cannot be written straight into a response body, and memory stays flat however large the export is.
        var staged = Path.Combine(Path.GetTempPath(), $"monitor-api-export-{Guid.NewGuid():N}{format.Extension()}");
        context.Items[HttpAudit.RowsItem] = (long?)exporter.ExportToFile(format, filter, staged).Rows;
        var file = new FileStream(staged, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose);
        var name = $"forecasts-{clock.GetUtcNow():yyyyMMdd-HHmmss}{format.Extension()}";
        return Results.File(file, format.MediaType(), name);
    }
}
