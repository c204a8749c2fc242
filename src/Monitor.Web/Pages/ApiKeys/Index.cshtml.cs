using Monitor.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Web.Api.Keys;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.ApiKeys;

/// <summary>API 密钥 / API keys: an analyst lists, creates (the key is shown once) and revokes their own keys.</summary>
[Authorize(Policy = Policies.Analyst)]
public sealed class IndexModel(ApiKeyStore keys) : PageModel
{
    public IReadOnlyList<ApiKeyInfo> Keys { get; private set; } = [];

    /// <summary>The key just created; rendered in this response only and never stored.</summary>
    public CreatedApiKey? Created { get; private set; }

    public string? Message { get; private set; }

    [BindProperty]
    public string? Label { get; set; }

    public void OnGet() => Load();

    public void OnPostCreate()
    {
        Created = keys.Create(UserName, Label ?? "");
        Load();
    }

    public void OnPostRevoke(long id)
    {
        Message = keys.Revoke(UserName, id) ? $"{HttpContext.T("已撤销", "Revoked")}: {id}" : $"{HttpContext.T("没有该密钥", "No live key")} {id}";
        Load();
    }

    private string UserName => User.Identity?.Name ?? throw new InvalidOperationException("an authorised page has no user name");

    private void Load() => Keys = keys.List(UserName);
}
