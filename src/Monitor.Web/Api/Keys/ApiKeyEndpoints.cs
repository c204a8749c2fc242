using System.Security.Claims;
using Monitor.Core.Audit;
using Monitor.Web.Security;
using Monitor.Web.Security.Audit;

namespace Monitor.Web.Api.Keys;

/// <summary>GET/POST /api/v1/keys and DELETE /api/v1/keys/{id}: a user's own API keys (analysts and admins).</summary>
public static class ApiKeyEndpoints
{
    /// <summary>What a client sends to create a key.</summary>
    public sealed record CreateKeyRequest(string? Label);

    public static void MapApiKeys(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/keys").RequireAuthorization(ApiAuthentication.Require(Policies.Analyst));
        keys.MapGet("", (ClaimsPrincipal user, HttpContext context, ApiKeyStore store) => ApiResponses.Ok(context, store.List(UserName(user))))
            .WithName("ListApiKeys").WithSummary("Your API keys (the keys themselves are never shown again)");
        keys.MapPost("", (ClaimsPrincipal user, CreateKeyRequest? request, ApiKeyStore store) =>
            {
                if (request?.Label is { Length: > ApiKeyStore.MaxLabelLength })
                    return ApiProblems.BadRequest(new Dictionary<string, string[]> { ["label"] = [$"label: at most {ApiKeyStore.MaxLabelLength} characters"] });
                var created = store.Create(UserName(user), request?.Label ?? "");
                return Results.Json(created, ApiResponses.Json, statusCode: StatusCodes.Status201Created);
            })
            .WithName("CreateApiKey").WithSummary("Create a key: the response holds the key, shown only this once")
            .Audited(AuditActions.KeyCreate);
        keys.MapDelete("/{id:long}", (ClaimsPrincipal user, long id, ApiKeyStore store) =>
                store.Revoke(UserName(user), id) ? Results.NoContent() : ApiProblems.NotFound($"you have no live API key {id}"))
            .WithName("RevokeApiKey").WithSummary("Revoke a key: requests with it are refused from now on")
            .Audited(AuditActions.KeyRevoke);
    }

    private static string UserName(ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("an authorised request has no user name");
}
