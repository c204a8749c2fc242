using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Web.Localization;
using Monitor.Web.Security;

namespace Monitor.Web.Pages;

/// <summary>The language switch: remembers the choice in a cookie (and on the user's account) and goes back.</summary>
[AllowAnonymous]
public sealed class LanguageModel(UserStore users) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? to, string? returnUrl)
    {
        var language = Language.Normalise(to);
        Language.Remember(Response, language);
        if (User.Identity?.IsAuthenticated == true && User.Identity.Name is { } name) users.SetLanguage(name, language);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
