using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Monitor.Core.Audit;
using Monitor.Web.Localization;
using Monitor.Web.Security.Audit;

namespace Monitor.Web.Security.Oidc;

/// <summary>
/// The OpenID Connect handler's hooks: a verified identity becomes the local account's cookie session (same claims and
/// security stamp as a password sign-in, so every request is still checked against the store); a refusal or a broken
/// answer from the provider returns to the sign-in page and is audited.
/// </summary>
public static class OidcEvents
{
    /// <summary>Query value the sign-in page shows a message for: refused by Monitor, or the provider's answer failed.</summary>
    public const string Refused = "refused", Failed = "failed";

    public static Task TicketReceivedAsync(TicketReceivedContext context)
    {
        var http = context.HttpContext;
        var outcome = http.RequestServices.GetRequiredService<ExternalAccounts>()
            .SignIn(context.Principal!, http.Connection.RemoteIpAddress?.ToString(), http.AuditTarget());
        if (outcome.User is not { } user) return BackToSignIn(context, Refused);
        var users = http.RequestServices.GetRequiredService<UserStore>();
        context.Principal = new ClaimsPrincipal(SessionValidation.Identity(users, user, OidcOptions.Scheme));
        if (http.Request.Cookies[Language.Cookie] is null) Language.Remember(http.Response, user.Language);
        return Task.CompletedTask;
    }

    public static Task RemoteFailureAsync(RemoteFailureContext context)
    {
        var http = context.HttpContext;
        http.RequestServices.GetRequiredService<IAuditLog>().Write(new AuditEntry(
            new AuditActor("-", OidcOptions.Scheme, http.Connection.RemoteIpAddress?.ToString()), AuditActions.SignIn, http.AuditTarget(),
            Outcome: AuditOutcome.Denied, Detail: $"the identity provider's answer was not accepted: {context.Failure?.Message}"));
        return BackToSignIn(context, Failed);
    }

    private static Task BackToSignIn<TOptions>(HandleRequestContext<TOptions> context, string reason) where TOptions : AuthenticationSchemeOptions
    {
        context.Response.Redirect($"{SecurityServiceCollectionExtensions.SignInPath}?external={reason}");
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
