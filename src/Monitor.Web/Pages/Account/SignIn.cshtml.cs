using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Monitor.Core.Audit;
using Monitor.Web.Security.Audit;
using Monitor.Web.Localization;
using Monitor.Web.Pages.Shared;
using Monitor.Web.Security;
using Monitor.Web.Security.Oidc;

namespace Monitor.Web.Pages.Account;

/// <summary>Cookie sign-in against the users table, or through the organisation's identity provider when configured; POSTs are rate limited per client address.</summary>
[AllowAnonymous]
public sealed class SignInModel(UserStore users, IAuditLog audit, ILogger<SignInModel> logger, IOptions<OidcOptions> oidc) : MonitorPageModel
{
    public string? ReturnUrl { get; private set; }

    public bool Failed { get; private set; }

    /// <summary>Why the last organisation sign-in came back here (<see cref="OidcEvents.Refused"/> or <see cref="OidcEvents.Failed"/>).</summary>
    public string? External { get; private set; }

    /// <summary>The organisation sign-in button's label, or null when organisation sign-in is not configured.</summary>
    public string? OrganisationSignIn => oidc.Value.Enabled ? oidc.Value.DisplayName : null;

    public void OnGet(string? returnUrl, string? external)
    {
        ReturnUrl = returnUrl;
        External = external;
    }

    /// <summary>Starts organisation sign-in (a GET link: the page's form-action policy would stop a form posting to the provider).</summary>
    public IActionResult OnGetOidc(string? returnUrl) =>
        oidc.Value.Enabled
            ? Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(returnUrl) ? returnUrl : "/" }, OidcOptions.Scheme)
            : NotFound();

    public async Task<IActionResult> OnPostAsync(string? userName, string? password, string? returnUrl)
    {
        ReturnUrl = returnUrl;
        var check = string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password) ? new SignInCheck(null, null) : users.SignIn(userName, password);
        var user = check.User;
        if (user is null)
        {
            // The page says the same for a pause as for a wrong password, so that it does not tell which names exist.
            logger.LogWarning("failed sign-in for {User} from {Address}", userName, HttpContext.Connection.RemoteIpAddress);
            audit.Write(new AuditEntry(new AuditActor(userName ?? "", "local", HttpContext.Connection.RemoteIpAddress?.ToString()),
                AuditActions.SignIn, HttpContext.AuditTarget(), Outcome: AuditOutcome.Denied,
                Detail: check.PausedUntil is { } until ? $"account paused after repeated failures until {until:yyyy-MM-dd HH:mm:ss} UTC" : "wrong user name or password"));
            Failed = true;
            return Page();
        }
        var identity = SessionValidation.Identity(users, user, "local");
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        audit.Write(new AuditEntry(new AuditActor(user.UserName, "local", HttpContext.Connection.RemoteIpAddress?.ToString()),
            AuditActions.SignIn, HttpContext.AuditTarget()));
        if (Request.Cookies[Language.Cookie] is null) Language.Remember(Response, user.Language);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
