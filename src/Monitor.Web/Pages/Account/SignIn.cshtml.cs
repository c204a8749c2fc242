using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Audit;
using Monitor.Web.Security.Audit;
using Monitor.Web.Localization;
using Monitor.Web.Pages.Shared;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Account;

/// <summary>Cookie sign-in against the users table; POSTs are rate limited per client address.</summary>
[AllowAnonymous]
public sealed class SignInModel(UserStore users, IAuditLog audit, ILogger<SignInModel> logger) : MonitorPageModel
{
    public string? ReturnUrl { get; private set; }

    public bool Failed { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

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
