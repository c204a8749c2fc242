using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Present.Email.Subscriptions;
using Monitor.Web.Localization;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Subscriptions;

/// <summary>Analysts and admins list, add and delete e-mail digest subscriptions.</summary>
[Authorize(Policy = Policies.Analyst)]
public sealed class IndexModel(SubscriptionStore subscriptions) : PageModel
{
    public IReadOnlyList<Subscription> All { get; private set; } = [];

    [BindProperty]
    public SubscriptionDraft Draft { get; set; } = new();

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public void OnGet() => All = subscriptions.List();

    public IActionResult OnPostCreate()
    {
        Errors = Draft.Validate();
        if (Errors.Count > 0)
        {
            All = subscriptions.List();
            return Page();
        }
        var created = subscriptions.Create(Draft, User.Identity?.Name);
        Message = $"{HttpContext.T("已订阅", "Subscribed")}: {created.Address} (#{created.SubscriptionId})";
        return RedirectToPage();
    }

    public IActionResult OnPostDelete(long id)
    {
        Message = subscriptions.Delete(id) ? $"{HttpContext.T("已删除", "Deleted")} #{id}" : $"{HttpContext.T("没有此订阅", "No subscription")} #{id}";
        return RedirectToPage();
    }
}
