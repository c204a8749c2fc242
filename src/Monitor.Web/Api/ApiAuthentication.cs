using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Monitor.Web.Api.Keys;
using Monitor.Web.Security;

namespace Monitor.Web.Api;

/// <summary>
/// The API's authentication: a request with an <c>X-Api-Key</c> header is checked by the "ApiKey" scheme; otherwise the
/// dashboard cookie ("Cookies", when the host has it) is used, so a signed-in browser can call the API and read its docs.
/// Data endpoints without a cookie answer 401 instead of redirecting to the sign-in page.
/// </summary>
public static class ApiAuthentication
{
    public const string KeyScheme = "ApiKey";
    public const string CookieScheme = "Cookies";

    /// <summary>The scheme the API's endpoints name: it forwards to <see cref="KeyScheme"/> or <see cref="CookieScheme"/>.</summary>
    public const string Scheme = "Api";

    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(KeyScheme, null)
            .AddPolicyScheme(Scheme, "API key or dashboard cookie", options => options.ForwardDefaultSelector = SelectScheme);
        // Endpoints that use the default (cookie) scheme accept a key as well: a request carrying X-Api-Key is handed
        // to the key handler, so every /api/v1 route behaves alike whichever module maps it.
        services.PostConfigure<CookieAuthenticationOptions>(CookieScheme, options =>
            options.ForwardDefaultSelector ??= context => context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) ? KeyScheme : null);
        services.AddMonitorPolicies();
        return services;
    }

    /// <summary>Endpoint metadata: the shared policy (Read, Analyst …) evaluated against the API's schemes.</summary>
    public static AuthorizeAttribute Require(string policy) => new(policy) { AuthenticationSchemes = Scheme };

    private static string SelectScheme(HttpContext context)
    {
        if (context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header)) return KeyScheme;
        if (!HasCookieScheme(context)) return KeyScheme;
        var dataCall = context.Request.Path.StartsWithSegments("/api/v1") && !context.Request.Headers.ContainsKey("Cookie");
        return dataCall ? KeyScheme : CookieScheme;
    }

    private static bool HasCookieScheme(HttpContext context) =>
        context.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(CookieScheme).GetAwaiter().GetResult() is not null;
}
