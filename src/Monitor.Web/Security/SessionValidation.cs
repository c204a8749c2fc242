using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Monitor.Web.Security;

/// <summary>
/// Checks every cookie session against the store on every request: the account must still exist, be enabled, have the
/// role the cookie says and the security stamp the cookie was issued with. Disabling, a role change, a password change
/// and signing out all change the stamp, so every existing session of that user ends at its next request, also after a
/// restart (a cookie is only as good as the store says it is).
/// </summary>
public static class SessionValidation
{
    /// <summary>Claim holding the user's security stamp at sign-in.</summary>
    public const string StampClaim = "monitor:stamp";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal?.Identity?.Name is not { } name || IsCurrent(context.HttpContext.RequestServices.GetRequiredService<UserStore>(), principal, name)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }

    private static bool IsCurrent(UserStore users, ClaimsPrincipal principal, string name) =>
        users.Session(name) is { User.Disabled: false } session
        && session.Stamp is { } stamp
        && stamp == principal.FindFirstValue(StampClaim)
        && session.User.Role == principal.FindFirstValue(ClaimTypes.Role);

    /// <summary>The identity a cookie session carries for <paramref name="user"/>: name, role, display name and current stamp.</summary>
    public static ClaimsIdentity Identity(UserStore users, MonitorUser user, string method) =>
        new([
            new Claim(ClaimTypes.Name, user.UserName), new Claim(ClaimTypes.Role, user.Role),
            new Claim("display_name", user.DisplayName ?? user.UserName), new Claim(StampClaim, users.Stamp(user.UserName)),
            new Claim(Audit.HttpAudit.SignInMethodClaim, method),
        ], CookieAuthenticationDefaults.AuthenticationScheme);
}
