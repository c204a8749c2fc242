using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Audit;
using Monitor.Web.Security.Audit;

namespace Monitor.Web.Pages.Account;

/// <summary>Signs out (POST only, with the anti-forgery token): ends every session of the user and returns to the sign-in page.</summary>
[AllowAnonymous]
public sealed class SignOutModel(Monitor.Web.Security.UserStore users) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity is { IsAuthenticated: true, Name: { } name })
        {
            // A new stamp ends this session and every other session of the user, server-side: a copied cookie is refused.
            users.RotateStamp(name);
            HttpContext.Audit(AuditActions.SignOut, null);
        }
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/Account/SignIn");
    }
}
