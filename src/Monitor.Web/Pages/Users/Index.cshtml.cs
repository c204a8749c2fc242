using Microsoft.AspNetCore.Mvc;
using Monitor.Web.Pages.Shared;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Users;

/// <summary>Admins add users, change roles, reset passwords and disable accounts (the folder is admin-only).</summary>
public sealed class IndexModel(UserStore users) : MonitorPageModel
{
    public IReadOnlyList<MonitorUser> All { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public void OnGet() => All = users.All();

    public IActionResult OnPostCreate(string userName, string password, string role, string? displayName)
    {
        if (string.IsNullOrWhiteSpace(userName) || (password ?? "").Length < 10 || !Roles.All.Contains(role))
        {
            Message = T("用户名必填，密码至少 10 位，角色须有效。", "A user name, a password of at least 10 characters and a valid role are required.");
            return RedirectToPage();
        }
        if (users.Find(userName.Trim()) is not null)
        {
            Message = T("用户已存在。", "That user already exists.");
            return RedirectToPage();
        }
        users.Create(userName.Trim(), password!, role, displayName);
        Message = T("已创建用户 ", "Created user ") + userName.Trim();
        return RedirectToPage();
    }

    public IActionResult OnPostRole(string userName, string role)
    {
        if (!Roles.All.Contains(role) || users.Find(userName) is null) return BadRequest();
        if (userName == User.Identity?.Name && role != Roles.Admin) return BadRequest();
        users.SetRole(userName, role);
        return RedirectToPage();
    }

    public IActionResult OnPostPassword(string userName, string password)
    {
        if (users.Find(userName) is null || (password ?? "").Length < 10) return BadRequest();
        users.SetPassword(userName, password!);
        Message = T("密码已重置：", "Password reset: ") + userName;
        return RedirectToPage();
    }

    public IActionResult OnPostDisable(string userName, bool disabled)
    {
        if (users.Find(userName) is null || userName == User.Identity?.Name) return BadRequest();
        users.SetDisabled(userName, disabled);
        return RedirectToPage();
    }
}
