using Monitor.Core.Audit;
using Monitor.Nowcast.Job;
using Monitor.Present.Export;
using Monitor.Web.Security;
using Monitor.Web.Security.Audit;

namespace Monitor.Web.Api.Endpoints;

/// <summary>GET /api/v1/nowcasts, /nowcasts/{id}/news, /nowcasts/{id}/inputs and /nowcasts/export: what the nowcast stage wrote.</summary>
public static class NowcastEndpoints
{
    private static readonly string[] Kinds = ["update", "replay"];
    private static readonly string[] Statuses = ["ok", "failed"];

    public static void MapNowcasts(this RouteGroupBuilder api)
    {
        api.MapGet("/nowcasts", List).WithName("ListNowcasts").WithSummary("Nowcasts of quarterly GDP with 80 % intervals (即时预测)")
            .WithDescription("Filters: target (comma list of target codes), quarter (its first day, yyyy-MM-dd), kind (update, replay), status (ok, failed), from / to (information date). Oldest first within each target.");
        api.MapGet("/nowcasts/{id:long}/news", News).WithName("ListNowcastNews").WithSummary("The news that moved one nowcast, by release (新闻分解)")
            .WithDescription("Each released value: actual, expected on the previous information set, weight and impact. The impacts plus the nowcast's revision_effect add up to its change from previous_mean.");
        api.MapGet("/nowcasts/{id:long}/inputs", Inputs).WithName("ListNowcastInputs").WithSummary("The inputs of one nowcast (输入指标)")
            .WithDescription("Each indicator's latest value and release date, and whether it was used or dropped (with the reason).");
        api.MapGet("/nowcasts/export", Export).WithName("ExportNowcasts").WithSummary("Download the nowcast path or its news as CSV (导出)")
            .WithDescription("table: path (default) or news; filters target and quarter. CSV in UTF-8 with BOM. Needs the analyst role.")
            .RequireAuthorization(ApiAuthentication.Require(Policies.Analyst))
            .Audited(AuditActions.Export);
    }

    private static IResult List(HttpContext context, ApiRows rows)
    {
        var query = new ApiQuery(context.Request, "target", "quarter", "kind", "status", "from", "to");
        var filter = new SqlFilter()
            .In("target", query.List("target"))
            .Where("quarter = {0}", query.Date("quarter"))
            .In("kind", query.Choice("kind", Kinds))
            .In("status", query.Choice("status", Statuses))
            .Where("info_date >= {0}", query.Instant("from"))
            .Where("info_date <= {0}", query.Instant("to"));
        return WarningEndpoints.Respond(context, query, rows, filter, NowcastStore.PathSelect, "target, info_date, nowcast_id");
    }

    private static IResult News(HttpContext context, long id, ApiRows rows) =>
        OfOne(context, id, rows, NowcastStore.NewsSelect, "block, abs(impact) DESC, series_id");

    private static IResult Inputs(HttpContext context, long id, ApiRows rows) =>
        OfOne(context, id, rows, NowcastStore.InputsSelect, "status DESC, block, series_id");

    /// <summary>Rows belonging to one nowcast; 404 when there is no such nowcast.</summary>
    private static IResult OfOne(HttpContext context, long id, ApiRows rows, string select, string orderBy)
    {
        var query = new ApiQuery(context.Request);
        var page = query.Page();
        if (!query.IsValid) return query.Problem();
        var one = new SqlFilter().Where("nowcast_id = {0}", id);
        if (rows.All($"{NowcastStore.PathSelect} {one.WhereClause}", one).Count == 0) return Results.NotFound();
        var (items, total) = rows.Page(select, one, orderBy, page);
        return ApiResponses.Paged(context, items, page, total);
    }

    private static IResult Export(HttpContext context, NowcastExport export, TimeProvider clock)
    {
        var query = new ApiQuery(context.Request, "table", "target", "quarter");
        var table = query.Text("table") ?? "path";
        if (!NowcastExport.Tables.Contains(table)) query.Error("table", $"table: '{table}' is not one of {string.Join(", ", NowcastExport.Tables)}");
        var filter = new SqlFilter().In("target", query.List("target")).Where("quarter = {0}", query.Date("quarter"));
        if (!query.IsValid) return query.Problem();

        // Staged in a temporary file (deleted when the response closes), as the other exports: the audit log gets the row
        // count, and a failure answers 500 instead of a truncated download.
        var staged = Path.Combine(Path.GetTempPath(), $"monitor-nowcast-export-{Guid.NewGuid():N}.csv");
        try
        {
            using var file = new FileStream(staged, FileMode.CreateNew, FileAccess.Write);
            context.Items[HttpAudit.RowsItem] = (long?)export.WriteCsv(table, filter, file);
        }
        catch
        {
            File.Delete(staged);
            throw;
        }
        var download = new FileStream(staged, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose);
        return Results.File(download, ExportFormat.Csv.MediaType(), $"nowcast-{table}-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv");
    }
}
