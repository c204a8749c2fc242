using Microsoft.AspNetCore.Mvc;
using Monitor.Present.Charts;
using Monitor.Web.Pages.Shared;

namespace Monitor.Web.Pages.Nowcast;

/// <summary>即时预测 / Nowcast: this quarter's nowcast of a target with its band, the path over the quarter, the news and the inputs.</summary>
public sealed class IndexModel(NowcastQuery query, PageCache cache, PathChartRenderer charts) : MonitorPageModel
{
    public IReadOnlyList<Monitor.Nowcast.NowcastTargetOptions> Targets => query.Targets;
    public NowcastView? View { get; private set; }
    public string Svg { get; private set; } = "";

    /// <summary>Analysts and admins may download the path and news as CSV (the export route asks the same).</summary>
    public bool CanExport => User.IsInRole(Monitor.Web.Security.Roles.Analyst) || User.IsInRole(Monitor.Web.Security.Roles.Admin);

    public IActionResult OnGet(string? target)
    {
        if (query.Target(target) is not { } chosen) return Targets.Count == 0 ? Page() : NotFound();
        View = cache.Get($"nowcast|{chosen.Code}", () => query.View(chosen));
        var title = $"{Name(chosen.Name, chosen.NameZh)} · {T("即时预测路径", "nowcast path")}";
        Svg = charts.Svg(new PathChartData(title, chosen.Unit, View.Segments), new ChartRequest(Lang, 900, 400));
        return Page();
    }

    public static string Quarter(DateOnly? quarter) => quarter is { } q ? Monitor.Nowcast.Job.NowcastTargetRun.Quarter(q) : "—";

    public string BlockName(string block) => block switch
    {
        "real" => T("实体经济", "real activity"),
        "labour" => T("就业", "labour"),
        "survey" => T("调查", "surveys"),
        "trade" => T("贸易", "trade"),
        "financial" => T("金融", "financial"),
        "prices" => T("价格", "prices"),
        "target" => T("目标本身", "the target"),
        _ => block,
    };
}
