using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Enterprises.Access;
using Monitor.Web.Security.Audit;

namespace Monitor.Web.Api.Endpoints;

/// <summary>
/// /api/v1/enterprises/watchlist: the caller's own watch list (重点企业名单). GET lists the firms with their latest
/// warnings (audited read, 403 without a scope); POST adds a firm of the caller's scope (refusals audited, and the same
/// 403 for an unknown firm as for one outside the scope); DELETE takes a firm off. An API key acts for its owner.
/// </summary>
public static class EnterpriseWatchEndpoints
{
    /// <summary>What a client sends to watch a firm.</summary>
    public sealed record WatchRequest([property: JsonPropertyName("enterprise_id")] string? EnterpriseId);

    public static void MapWatchList(this RouteGroupBuilder enterprises)
    {
        var group = enterprises.MapGroup("/watchlist");
        group.MapGet("", List).WithName("EnterpriseWatchList")
            .WithSummary("Your watch list (重点企业名单): each firm with its latest warnings (audited)");
        group.MapPost("", Add).WithName("EnterpriseWatchAdd")
            .WithSummary("Watch a firm of your enterprise scope")
            .WithDescription("Body {\"enterprise_id\": \"<18-character code>\"}. 201 added, 200 already watched, 400 not a code, 403 no scope or not a firm of your scope (the same answer for both). Audited.");
        group.MapDelete("/{enterpriseId}", Remove).WithName("EnterpriseWatchRemove")
            .WithSummary("Stop watching a firm (204; 404 when it was not on your list). Audited.");
    }

    private static IResult List(HttpContext context, [FromServices] FirmReader reader)
    {
        try
        {
            return Results.Json(reader.Watched(context.AuditActor(), context.AuditTarget()), ApiResponses.Json);
        }
        catch (FirmAccessDeniedException)
        {
            return Forbidden();
        }
    }

    private static IResult Add(HttpContext context, WatchRequest? request, [FromServices] WatchList watchList)
    {
        var id = request?.EnterpriseId?.Trim() ?? "";
        return watchList.Add(context.AuditActor(), context.AuditTarget(), id) switch
        {
            WatchOutcome.Added => Results.Json(new { enterprise_id = id, watched = true }, ApiResponses.Json, statusCode: StatusCodes.Status201Created),
            WatchOutcome.AlreadyWatched => Results.Json(new { enterprise_id = id, watched = true }, ApiResponses.Json),
            WatchOutcome.BadId => ApiProblems.BadRequest(new Dictionary<string, string[]>
                { ["enterprise_id"] = ["enterprise_id: not an 18-character unified social credit code with a right check character"] }),
            _ => Forbidden(),
        };
    }

    private static IResult Remove(HttpContext context, string enterpriseId, [FromServices] WatchList watchList) =>
        watchList.Remove(context.AuditActor(), context.AuditTarget(), enterpriseId)
            ? Results.NoContent()
            : ApiProblems.NotFound($"{enterpriseId} is not on your watch list");

    private static IResult Forbidden() =>
        Results.Problem("watch lists hold firms of your enterprise scope only (ask an administrator for a scope)", statusCode: 403, title: "forbidden");
}
