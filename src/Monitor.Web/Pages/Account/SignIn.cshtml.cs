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
        var user = string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password) ? null : users.Verify(userName, password);
        if (user is null)
        {
            logger.LogWarning("failed sign-in for {User} from {Address}", userName, HttpContext.Connection.RemoteIpAddress);
            audit.Write(new AuditEntry(new AuditActor(userName ?? "", "local", HttpContext.Connection.RemoteIpAddress?.ToString()),
                AuditActions.SignIn, HttpContext.AuditTarget(), Outcome: AuditOutcome.Denied, Detail: "wrong user name or password"));
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
