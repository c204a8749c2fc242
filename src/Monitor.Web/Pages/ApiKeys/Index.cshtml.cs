using Monitor.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Audit;
using Monitor.Web.Api.Keys;
using Monitor.Web.Security;
using Monitor.Web.Security.Audit;

namespace Monitor.Web.Pages.ApiKeys;

/// <summary>
/// API 密钥 / API keys: an analyst lists, creates and revokes their own keys. Creating posts, then redirects (post/redirect/get):
/// the new key travels once in encrypted TempData and is shown by the next GET only, so a refresh never creates another.
/// </summary>
[Authorize(Policy = Policies.Analyst)]
public sealed class IndexModel(ApiKeyStore keys) : PageModel
{
    public IReadOnlyList<ApiKeyInfo> Keys { get; private set; } = [];

    /// <summary>The key just created, shown on the GET after the redirect and never again.</summary>
    public string? CreatedKey { get; private set; }

    [TempData]
    public string? NewKey { get; set; }

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public string? Label { get; set; }

    public void OnGet()
    {
        CreatedKey = NewKey;
        Keys = keys.List(UserName);
    }

    public IActionResult OnPostCreate()
    {
        using var audit = HttpContext.BeginAudit(AuditActions.KeyCreate, $"label={Label}");
        if (Label is { Length: > ApiKeyStore.MaxLabelLength })
        {
            audit.Fail("label too long");
            Message = HttpContext.T($"名称最多 {ApiKeyStore.MaxLabelLength} 个字符。", $"A label has at most {ApiKeyStore.MaxLabelLength} characters.");
            return RedirectToPage();
        }
        var created = keys.Create(UserName, Label ?? "");
        audit.Complete(detail: $"key {created.Id}");
        NewKey = created.Key;
        return RedirectToPage();
    }

    public IActionResult OnPostRevoke(long id)
    {
        using var audit = HttpContext.BeginAudit(AuditActions.KeyRevoke, $"id={id}");
        var revoked = keys.Revoke(UserName, id);
        if (revoked) audit.Complete();
        else audit.Fail("no such live key of this user");
        Message = revoked ? $"{HttpContext.T("已撤销", "Revoked")}: {id}" : $"{HttpContext.T("没有该密钥", "No live key")} {id}";
        return RedirectToPage();
    }

    private string UserName => User.Identity?.Name ?? throw new InvalidOperationException("an authorised page has no user name");
}
