using Microsoft.AspNetCore.Mvc;
using Monitor.Enterprises.Access;
using Monitor.Web.Pages.Shared;

namespace Monitor.Web.Pages.Enterprises;

/// <summary>企业数据授权 / Enterprise scopes: admins grant and revoke the regions whose firms a user may read.</summary>
public sealed class ScopesModel(EnterpriseScopes scopes) : MonitorPageModel
{
    public IReadOnlyList<(string User, string Prefix, string GrantedBy, DateTime GrantedAt)> Grants { get; private set; } = [];
    public string? Message { get; private set; }

    public void OnGet() => Grants = scopes.All();

    public IActionResult OnPostGrant(string user, string prefix)
    {
        if (string.IsNullOrWhiteSpace(user) || EnterpriseScopes.ScopeProblem(prefix?.Trim() ?? "") is { } problem)
        {
            Message = string.IsNullOrWhiteSpace(user) ? T("请填写用户。", "A user is required.") : EnterpriseScopes.ScopeProblem(prefix?.Trim() ?? "");
            Grants = scopes.All();
            return Page();
        }
        scopes.Grant(user.Trim(), prefix!.Trim(), User.Identity?.Name ?? "-");
        return RedirectToPage();
    }

    public IActionResult OnPostRevoke(string user, string prefix)
    {
        scopes.Revoke(user, prefix);
        return RedirectToPage();
    }
}
