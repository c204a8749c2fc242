using Monitor.Core.Audit;

namespace Monitor.Web.Security.Audit;

/// <summary>
/// An endpoint filter that writes one audit row per call of a minimal-API endpoint: success, or failure with the status
/// (4xx/5xx results and exceptions alike). Rows handed out are read from <see cref="HttpAudit.RowsItem"/>.
/// </summary>
public static class AuditedEndpoint
{
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string action) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            using var scope = context.BeginAudit(action);
            var result = await next(invocation);
            var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
            if (status >= 400) scope.Fail($"answered {status}", status is 401 or 403 ? AuditOutcome.Denied : AuditOutcome.Failure);
            else scope.Complete(context.Items.TryGetValue(HttpAudit.RowsItem, out var rows) ? rows as long? : null);
            return result;
        });
}
