using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Monitor.Core;
using Monitor.Core.Store;
using Monitor.Web.Security.Oidc;

namespace Monitor.Web.Security;

/// <summary>Cookie sign-in (local passwords, and organisation sign-in when configured), role policies (every endpoint needs sign-in unless it opts out), the sign-in rate limit, the first admin.</summary>
public static class SecurityServiceCollectionExtensions
{
    public const string SignInPath = "/Account/SignIn";

    /// <summary>The security module's tables (user_security).</summary>
    public static IEnumerable<SchemaScript> Schema => SchemaScript.FromEmbedded(typeof(UserStore).Assembly, "security", "Monitor.Web.Security.Schema.");

    public static IServiceCollection AddMonitorSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<UserStore>();
        services.AddSchema(Schema);
        services.AddHostedService<FirstAdmin>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, options =>
            {
                options.LoginPath = SignInPath;
                options.AccessDeniedPath = "/Account/Denied";
                options.Cookie.Name = "monitor.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request is https, which behind a proxy the forwarded headers decide (ReverseProxy).
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
                // Programs calling the API get a status code, people get the sign-in page.
                options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
                options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            })
            .AddMonitorOidc(configuration);
        services.AddMonitorPolicies();
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireRole(Roles.All.ToArray()).Build());
        services.AddOptions<LockoutOptions>().Bind(configuration.GetSection(LockoutOptions.Section));
        services.AddRateLimiter(options => ConfigureSignInLimit(options, configuration.GetValue("Security:SignInAttemptsPerMinute", 10)));
        return services;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Limits sign-in attempts (POST) per client address; everything else is unlimited.</summary>
    private static void ConfigureSignInLimit(Microsoft.AspNetCore.RateLimiting.RateLimiterOptions options, int perMinute)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(SignInPath, StringComparison.OrdinalIgnoreCase)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, perMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("open"));
    }
}
