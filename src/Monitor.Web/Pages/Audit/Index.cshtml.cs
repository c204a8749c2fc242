using Monitor.Core.Audit;
using Monitor.Web.Pages.Shared;
using Monitor.Web.Security.Audit;

namespace Monitor.Web.Pages.Audit;

/// <summary>审计日志 / Audit log: admins list who did what, newest first, filtered by user, action, outcome and day.</summary>
public sealed class IndexModel(IAuditLog audit) : MonitorPageModel
{
    public const int PageSize = 100;

    public AuditPage Result { get; private set; } = new([], 0, 1, PageSize);

    public string? Actor { get; private set; }
    public string? Action { get; private set; }
    public string? Outcome { get; private set; }
    public DateOnly? Day { get; private set; }

    public void OnGet(string? actor, string? action, string? outcome, DateOnly? day, int page = 1)
    {
        Actor = Clip(actor);
        Action = Clip(action);
        Outcome = AuditOutcome.All.Contains(outcome ?? "") ? outcome : null;
        Day = day;
        using var scope = HttpContext.BeginAudit(AuditActions.AuditRead);
        Result = audit.Read(new AuditFilter(Actor, Action, Outcome,
            day?.ToDateTime(TimeOnly.MinValue), day?.AddDays(1).ToDateTime(TimeOnly.MinValue), Math.Max(1, page), PageSize));
        scope.Complete(Result.Rows.Count);
    }

    /// <summary>This filter on another page.</summary>
    public string PageLink(int page) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Audit", new Dictionary<string, string?>
    {
        ["actor"] = Actor, ["action"] = Action, ["outcome"] = Outcome, ["day"] = Day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null));

    public int LastPage => (int)Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    private static string? Clip(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, 200)];
}
