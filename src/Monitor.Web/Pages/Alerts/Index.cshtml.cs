using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Web.Pages.Shared;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Alerts;

/// <summary>Alerts: filter by state, severity and rule; analysts acknowledge, mute or resolve.</summary>
public sealed class IndexModel(AlertsQuery query, IAuthorizationService authorization) : MonitorPageModel
{
    public IReadOnlyList<AlertRow> Alerts { get; private set; } = [];
    public IReadOnlyList<IGrouping<string, AlertRow>> Groups { get; private set; } = [];
    public IReadOnlyList<string> EconomyChoices { get; private set; } = [];
    public string? Economy { get; private set; }
    public string? Group { get; private set; }
    public IReadOnlyList<string> Rules { get; private set; } = [];
    public string? State { get; private set; }
    public string? Severity { get; private set; }
    public string? Rule { get; private set; }
    public bool CanAct { get; private set; }

    public async Task OnGetAsync(string? state, string? severity, string? rule, string? economy, string? group)
    {
        EconomyChoices = query.Economies();
        Economy = economy is not null && EconomyChoices.Contains(economy) ? economy : null;
        Group = string.IsNullOrEmpty(group) ? null : group;
        State = AlertsQuery.States.Contains(state) ? state : null;
        Severity = AlertsQuery.Severities.Contains(severity) ? severity : null;
        Rules = query.Rules();
        Rule = Rules.Contains(rule) ? rule : null;
        Alerts = query.List(State, Severity, Rule, economy: Economy, group: Group);
        // groups in order of their highest-priority member (the list comes highest priority first)
        Groups = Alerts.GroupBy(a => a.Group?.Key ?? a.AlertId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        CanAct = (await authorization.AuthorizeAsync(User, Policies.Analyst)).Succeeded;
    }

    /// <summary>Records the action; back on the page the alert's group is open (the list shows that group).</summary>
    public async Task<IActionResult> OnPostAsync(long alertId, string action, string? group)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Analyst)).Succeeded) return Forbid();
        if (action is not ("acknowledge" or "mute" or "resolve")) return BadRequest();
        return query.Act(alertId, action, User.Identity!.Name!) ? RedirectToPage(new { group = string.IsNullOrEmpty(group) ? null : group }) : NotFound();
    }

    /// <summary>"数据未到：fred_md（126 条）" for a source group, the indicator's name for a family, with the member count.</summary>
    public string GroupTitle(IGrouping<string, AlertRow> group)
    {
        var first = group.First();
        var count = group.Count();
        if (first.Group is not { } g) return Name(first.Title, first.TitleZh);
        return g.Kind == "source"
            ? T($"数据未到：{g.Label}（{count} 个序列）", $"Data not arrived: {g.Label} ({count} series)")
            : T($"{Name(g.Label, g.LabelZh)}（{count} 条）", $"{g.Label} ({count} alerts)");
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
