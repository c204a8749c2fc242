using System.Security.Claims;
using Monitor.Core.Audit;

namespace Monitor.Web.Security.Audit;

/// <summary>Who and what of an HTTP request for the audit log: the user (or API key owner), the route, the filter.</summary>
public static class HttpAudit
{
    /// <summary>Claim naming the API key a request came in with (set by the key handler).</summary>
    public const string KeyIdClaim = "monitor:key_id";

    /// <summary>Claim naming how a cookie session was opened ("local" or "oidc").</summary>
    public const string SignInMethodClaim = "monitor:sign_in";

    /// <summary>Item in which an endpoint reports the rows it handed out, for <see cref="AuditedEndpoint"/>.</summary>
    public const string RowsItem = "monitor:audit_rows";

    public static AuditActor AuditActor(this HttpContext context) => ActorOf(context.User, context);

    public static AuditActor ActorOf(ClaimsPrincipal user, HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress?.ToString();
        if (user.Identity is not { IsAuthenticated: true, Name: { } name }) return Core.Audit.AuditActor.Anonymous(address);
        var via = user.FindFirstValue(KeyIdClaim) is { } keyId ? $"api-key:{keyId}"
            : user.FindFirstValue(SignInMethodClaim) is "oidc" ? "oidc" : "cookie";
        return new AuditActor(name, via, address);
    }

    /// <summary>"GET /api/v1/exports": the method and path, without the query (that goes in the parameters).</summary>
    public static string AuditTarget(this HttpContext context) => $"{context.Request.Method} {context.Request.Path}";

    /// <summary>The request's query string, decoded, as the filter of the act.</summary>
    public static string? AuditParameters(this HttpContext context) =>
        context.Request.QueryString.HasValue ? Uri.UnescapeDataString(context.Request.QueryString.Value!.TrimStart('?')) : null;

    /// <summary>Starts an audited act for this request (row written on dispose, "failure" unless completed).</summary>
    public static AuditScope BeginAudit(this HttpContext context, string action, string? parameters = null) =>
        context.RequestServices.GetRequiredService<IAuditLog>()
            .Begin(context.AuditActor(), action, context.AuditTarget(), parameters ?? context.AuditParameters());

    /// <summary>Writes one row for this request now.</summary>
    public static void Audit(this HttpContext context, string action, string? parameters, string outcome = AuditOutcome.Success, string? detail = null, long? rows = null) =>
        context.RequestServices.GetRequiredService<IAuditLog>()
            .Write(new AuditEntry(context.AuditActor(), action, context.AuditTarget(), parameters, rows, outcome, detail));
}
