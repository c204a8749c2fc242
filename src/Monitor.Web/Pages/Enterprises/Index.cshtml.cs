using Monitor.Enterprises.Access;
using Microsoft.AspNetCore.Mvc;
using Monitor.Enterprises.Aggregates;
using Monitor.Enterprises.Codes;
using Monitor.Enterprises.Disclosure;
using Monitor.Enterprises.Warnings;
using Monitor.Web.Pages.Shared;
using Monitor.Web.Security.Audit;

namespace Monitor.Web.Pages.Enterprises;

/// <summary>
/// 规上企业 / Enterprises: disclosure-controlled aggregates for every signed-in user; for users with an enterprise
/// scope also the firm warnings and firm rows of their regions and their own watch list (each view of firm rows is
/// audited; adding and removing watched firms too).
/// </summary>
public sealed class IndexModel(AggregateTable table, AggregateQuery query, FirmReader reader, WatchList watchList, PublishedCoverage coverage) : MonitorPageModel
{
    public static readonly string[] Indicators = ["output", "revenue", "electricity", "employment"];

    public AggregateRequest? Table { get; private set; }
    public IReadOnlyList<ProtectedCell> Cells { get; private set; } = [];

    /// <summary>Per cell, the share (%) of the published total it covers; shown when a published series is configured.</summary>
    public IReadOnlyList<double?> Coverage { get; private set; } = [];
    public bool ShowCoverage { get; private set; }
    public bool Entitled { get; private set; }
    public IReadOnlyList<FirmWarningRow> Warnings { get; private set; } = [];
    public IReadOnlyList<FirmRow> Firms { get; private set; } = [];
    public string? Problem { get; private set; }
    public IReadOnlyList<WatchedFirm> Watched { get; private set; } = [];
    public string? WatchMessage { get; private set; }

    public bool IsWatched(string enterpriseId) => Watched.Any(w => w.EnterpriseId == enterpriseId);

    public void OnGet()
    {
        Table = EnterpriseQuery.Aggregate(HttpContext.Request.Query, query.LatestPeriod());
        if (Table is null) { Problem = T("尚无企业数据。", "No enterprise data yet."); return; }
        if (Table.Problem() is { } problem) { Problem = problem; return; }
        Cells = table.Build(Table);
        ShowCoverage = coverage.Configured(Table.Indicator);
        if (ShowCoverage) Coverage = coverage.Of(Table, Cells);
        Entitled = reader.Entitled(User.Identity?.Name);
        if (!Entitled) return;
        var filter = (EnterpriseQuery.Firms(HttpContext.Request.Query) ?? new FirmFilter()) with { Period = Table.Period, Limit = 200 };
        Warnings = reader.Warnings(HttpContext.AuditActor(), HttpContext.AuditTarget() + " warnings", filter with { Indicator = null });
        Firms = reader.Rows(HttpContext.AuditActor(), HttpContext.AuditTarget() + " firms", filter with { Indicator = Table.Indicator });
        Watched = reader.Watched(HttpContext.AuditActor(), HttpContext.AuditTarget() + " watchlist");
    }

    /// <summary>Adds a firm of the user's scope to their watch list; anything else is refused (and audited) with one message.</summary>
    public IActionResult OnPostWatch(string? enterpriseId)
    {
        WatchMessage = watchList.Add(HttpContext.AuditActor(), HttpContext.AuditTarget(), enterpriseId?.Trim() ?? "") switch
        {
            WatchOutcome.Added => T("已加入重点企业名单。", "Added to your watch list."),
            WatchOutcome.AlreadyWatched => T("该企业已在名单中。", "Already on your watch list."),
            WatchOutcome.BadId => T("不是有效的统一社会信用代码。", "Not a valid unified social credit code."),
            _ => T("只能关注您授权地区内的企业。", "You can watch firms of your enterprise scope only."),
        };
        OnGet();
        return Page();
    }

    /// <summary>Takes a firm off the user's watch list (also after their scope was removed).</summary>
    public IActionResult OnPostUnwatch(string? enterpriseId)
    {
        WatchMessage = watchList.Remove(HttpContext.AuditActor(), HttpContext.AuditTarget(), enterpriseId?.Trim() ?? "")
            ? T("已移出重点企业名单。", "Removed from your watch list.") : T("该企业不在名单中。", "Not on your watch list.");
        OnGet();
        return Page();
    }

    /// <summary>Ids on the list of a user without a scope: what they typed, so that they can still remove them.</summary>
    public IReadOnlyList<string> UnscopedWatchedIds() => Entitled ? [] : reader.WatchedIds(User.Identity?.Name ?? "");

    public string RegionLabel(string code) => code == AggregateRequest.Total ? T("合计", "Total") : $"{code} {CodeLists.Shipped.RegionName(code)}";

    public string IndustryLabel(string code) => code == AggregateRequest.Total ? T("合计", "Total") : $"{code} {CodeLists.Shipped.IndustryName(code)}";

    public string Label(int dimension, string code) => Table!.By[dimension] switch
    {
        AggregateRequest.Region => RegionLabel(code),
        AggregateRequest.Industry => IndustryLabel(code),
        _ => code == AggregateRequest.Total ? T("合计", "Total") : code,
    };
}
