using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Present.Email.Subscriptions;
using Monitor.Present.Email.Unsubscribe;

namespace Monitor.Web.Pages;

/// <summary>
/// The unsubscribe link of every digest, open to anyone holding a validly signed token: GET asks to confirm, POST
/// unsubscribes. Mail programs' RFC 8058 one-click POST ("List-Unsubscribe=One-Click") lands on the same handler,
/// without a session or an anti-forgery token: the signed token is the proof.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(UnsubscribeTokens tokens, SubscriptionStore subscriptions) : PageModel
{
    public Subscription? Subscription { get; private set; }

    public bool Done { get; private set; }

    public string? Token { get; private set; }

    public bool Zh => Subscription?.Language != "en";

    public IActionResult OnGet(string? token) => Load(token) ? Page() : Invalid();

    public IActionResult OnPost(string? token)
    {
        if (!Load(token)) return Invalid();
        subscriptions.Unsubscribe(Subscription!.SubscriptionId);
        Done = true;
        return Page();
    }

    private bool Load(string? token)
    {
        Token = token;
        Subscription = tokens.Verify(token) is { } id ? subscriptions.Find(id) : null;
        Done = Subscription is { Active: false };
        return Subscription is not null;
    }

    private IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
