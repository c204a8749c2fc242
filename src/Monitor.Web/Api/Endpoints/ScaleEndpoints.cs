using Monitor.Core.Scale;

namespace Monitor.Web.Api.Endpoints;

/// <summary>GET /api/v1/scale/runs: recent sharded runs with each shard's status, worker, attempts and duration.</summary>
public static class ScaleEndpoints
{
    public static void MapScale(this RouteGroupBuilder api) =>
        api.MapGet("/scale/runs", Runs).WithName("ListShardRuns")
            .WithSummary("Sharded stage runs (分片运行) and their shards")
            .WithDescription("limit: how many recent runs (at most 100). A shard is queued, running (with its worker), done or failed.");

    private static IResult Runs(HttpContext context, ShardCoordinator coordinator)
    {
        var query = new ApiQuery(context.Request, "limit");
        var page = query.Page();
        if (!query.IsValid) return query.Problem();
        return ApiResponses.Ok(context, coordinator.Recent(Math.Clamp(page.Limit, 1, 100)));
    }
}
