using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Web.Pages.Shared;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Alerts;

/// <summary>Alerts: filter by state, severity and rule; analysts acknowledge, mute or resolve.</summary>
public sealed class IndexModel(AlertsQuery query, IAuthorizationService authorization) : MonitorPageModel
{
    public IReadOnlyList<AlertRow> Alerts { get; private set; } = [];
    public IReadOnlyList<string> Rules { get; private set; } = [];
    public string? State { get; private set; }
    public string? Severity { get; private set; }
    public string? Rule { get; private set; }
    public bool CanAct { get; private set; }

    public async Task OnGetAsync(string? state, string? severity, string? rule)
    {
        State = AlertsQuery.States.Contains(state) ? state : null;
        Severity = AlertsQuery.Severities.Contains(severity) ? severity : null;
        Rules = query.Rules();
        Rule = Rules.Contains(rule) ? rule : null;
        Alerts = query.List(State, Severity, Rule);
        CanAct = (await authorization.AuthorizeAsync(User, Policies.Analyst)).Succeeded;
    }

    public async Task<IActionResult> OnPostAsync(long alertId, string action)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Analyst)).Succeeded) return Forbid();
        if (action is not ("acknowledge" or "mute" or "resolve")) return BadRequest();
        return query.Act(alertId, action, User.Identity!.Name!) ? RedirectToPage() : NotFound();
    }

    public string StateName(string state) => state switch
    {
        "open" => T("未处理", "open"),
        "acknowledged" => T("已确认", "acknowledged"),
        "muted" => T("已静音", "muted"),
        "resolved" => T("已解决", "resolved"),
        _ => state,
    };

    public string SeverityName(string severity) => severity switch
    {
        "critical" => T("严重", "critical"),
        "warning" => T("警告", "warning"),
        _ => T("提示", "info"),
    };
}
