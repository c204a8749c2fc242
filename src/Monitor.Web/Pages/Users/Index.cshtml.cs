using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Audit;
using Monitor.Web.Pages.Shared;
using Monitor.Web.Security;
using Monitor.Web.Security.Audit;

namespace Monitor.Web.Pages.Users;

/// <summary>Admins add users, change roles, reset passwords and disable accounts (the folder is admin-only); each change is audited.</summary>
public sealed class IndexModel(UserStore users) : MonitorPageModel
{
    public IReadOnlyList<MonitorUser> All { get; private set; } = [];

    /// <summary>Accounts made by organisation sign-in: their role follows the provider's groups and they have no password to reset.</summary>
    public IReadOnlySet<string> External { get; private set; } = new HashSet<string>();

    [TempData]
    public string? Message { get; set; }

    public void OnGet()
    {
        All = users.All();
        External = users.ExternalNames();
    }

    public IActionResult OnPostCreate(string userName, string password, string role, string? displayName)
    {
        using var audit = HttpContext.BeginAudit(AuditActions.UserCreate, $"user={userName} role={role}");
        if (string.IsNullOrWhiteSpace(userName) || !Roles.All.Contains(role))
        {
            Message = T("用户名必填，角色须有效。", "A user name and a valid role are required.");
            audit.Fail("invalid input");
            return RedirectToPage();
        }
        if (PasswordPolicy.Problem(userName, password) is { } weak)
        {
            Message = T(weak.Zh, weak.En);
            audit.Fail("password refused by the policy");
            return RedirectToPage();
        }
        if (users.Find(userName.Trim()) is not null)
        {
            Message = T("用户已存在。", "That user already exists.");
            audit.Fail("user exists");
            return RedirectToPage();
        }
        users.Create(userName.Trim(), password!, role, displayName);
        audit.Complete();
        Message = T("已创建用户 ", "Created user ") + userName.Trim();
        return RedirectToPage();
    }

    public IActionResult OnPostRole(string userName, string role)
    {
        using var audit = HttpContext.BeginAudit(AuditActions.RoleChange, $"user={userName} role={role}");
        if (!Roles.All.Contains(role) || users.Find(userName) is not { } user) return BadRequest();
        if (userName == User.Identity?.Name && role != Roles.Admin) return BadRequest();
        users.SetRole(userName, role);
        audit.Complete(detail: $"{user.Role} -> {role}");
        return RedirectToPage();
    }

    public IActionResult OnPostPassword(string userName, string password)
    {
        using var audit = HttpContext.BeginAudit(AuditActions.PasswordChange, $"user={userName}");
        // An organisation account given a password would become a local one, and organisation sign-in would then refuse it.
        if (users.Find(userName) is null || users.IsExternal(userName)) return BadRequest();
        if (PasswordPolicy.Problem(userName, password) is { } weak)
        {
            Message = T(weak.Zh, weak.En);
            audit.Fail("password refused by the policy");
            return RedirectToPage();
        }
        users.SetPassword(userName, password!);
        audit.Complete();
        Message = T("密码已重置：", "Password reset: ") + userName;
        return RedirectToPage();
    }

    public IActionResult OnPostDisable(string userName, bool disabled)
    {
        using var audit = HttpContext.BeginAudit(disabled ? AuditActions.UserDisable : AuditActions.UserEnable, $"user={userName}");
        if (users.Find(userName) is null || userName == User.Identity?.Name) return BadRequest();
        users.SetDisabled(userName, disabled);
        audit.Complete();
        return RedirectToPage();
    }
}
