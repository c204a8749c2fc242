namespace Monitor.Web.Api;

/// <summary>
/// Refuses a state-changing API request that a browser sent from another site with the dashboard's cookie. SameSite=Lax
/// already keeps the cookie off most cross-site POSTs; this closes what Lax leaves open (same-site subdomains, old
/// browsers) by checking the Origin header. Requests with an API key carry no ambient credential and are not checked;
/// a client that sends no Origin (not a browser) is let through unless the browser marked the request cross-site.
/// </summary>
public static class CrossSiteWrites
{
    public static async Task Check(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!IsWrite(request.Method) || !request.Path.StartsWithSegments("/api") || request.Headers.ContainsKey(Keys.ApiKeyAuthenticationHandler.Header)
            || request.Cookies.Count == 0 || FromThisSite(request))
        {
            await next(context);
            return;
        }
        await ApiProblems.Write(context, StatusCodes.Status403Forbidden, "cross-site request refused",
            $"a {request.Method} with the dashboard's sign-in must come from this site (Origin '{request.Headers.Origin}'); scripts and tools use an API key (X-Api-Key)");
    }

    private static bool IsWrite(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    private static bool FromThisSite(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return !string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase);
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
