using Monitor.Core.Audit;
using Monitor.Web.Api;

namespace Monitor.Web.Security.Audit;

/// <summary>GET /api/v1/audit: the audit log for admins, newest first, filtered and paged. Reading it is itself audited.</summary>
public static class AuditEndpoints
{
    public static void MapAudit(this RouteGroupBuilder api) =>
        api.MapGet("/audit", List).WithName("ListAudit")
            .WithSummary("The audit log (审计日志), newest first")
            .WithDescription("Filters: actor, action, outcome (success, failure, denied), from, to (UTC; a date yyyy-MM-dd covers that whole day, or yyyy-MM-ddTHH:mm:ss); limit 1…1000, offset. Admins only.")
            .RequireAuthorization(ApiAuthentication.Require(Policies.Admin))
            .Audited(AuditActions.AuditRead);

    private static IResult List(HttpContext context, IAuditLog audit)
    {
        var query = new ApiQuery(context.Request, "actor", "action", "outcome", "from", "to");
        var outcome = query.Choice("outcome", AuditOutcome.All).FirstOrDefault();
        var from = Bound(query, "from", 0);
        var to = Bound(query, "to", 1);
        var page = query.Page();
        if (!query.IsValid) return query.Problem();
        // The log pages by whole pages; an offset that is not a multiple of the limit is served from a page boundary.
        var result = audit.Read(new AuditFilter(query.Text("actor"), query.Text("action"), outcome, from, to,
            Page: (int)(page.Offset / page.Limit) + 1, PageSize: page.Limit));
        context.Items[HttpAudit.RowsItem] = (long?)result.Rows.Count;
        return ApiResponses.Paged(context, result.Rows, page with { Offset = (long)(result.Page - 1) * result.PageSize }, result.Total);
    }

    /// <summary>A date is the start of that day (<paramref name="daysAfter"/> 1: of the next day, so "to" includes it); a timestamp is taken as is.</summary>
    private static DateTime? Bound(ApiQuery query, string name, int daysAfter)
    {
        if (query.Text(name) is not { } text) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            return day.AddDays(daysAfter).ToDateTime(TimeOnly.MinValue);
        if (DateTime.TryParseExact(text, "yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var instant))
            return instant;
        query.Error(name, $"{name}: '{text}' is not a date or timestamp (use yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss, UTC)");
        return null;
    }
}
