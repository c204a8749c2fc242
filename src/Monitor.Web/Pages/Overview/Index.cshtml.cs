using Monitor.Present.Charts;
using Monitor.Web.Charts;
using Monitor.Web.Pages.Shared;

namespace Monitor.Web.Pages.Overview;

/// <summary>
/// 总览 of one economy (switch with ?economy=CN): the signal-light board and headline cards of its indicator set, its 预警指数,
/// its top alert groups by priority, data freshness.
/// </summary>
public sealed class IndexModel(OverviewQuery query, PageCache cache, ChartVersion chartVersion, CompositeChartRenderer composite) : MonitorPageModel
{
    public IReadOnlyList<EconomyChoice> Economies { get; private set; } = [];
    public string Economy { get; private set; } = "";
    public string? SetName { get; private set; }
    public IReadOnlyList<string> MissingMembers { get; private set; } = [];
    public LightBoard Board { get; private set; } = new([], [], []);
    public IReadOnlyList<(HeadlineCard Card, string ChartUrl)> Cards { get; private set; } = [];
    public IndexSummary Index { get; private set; } = new("", null, null, null, []);
    public string IndexSvg { get; private set; } = "";
    public IReadOnlyList<Contributor> Contributors { get; private set; } = [];
    public AlertGroupList AlertGroups { get; private set; } = new([], 0);
    public IReadOnlyList<SourceFreshness> Freshness { get; private set; } = [];
    public IReadOnlyList<MemberFreshness> SetFreshness { get; private set; } = [];

    public void OnGet(string? economy)
    {
        var context = cache.Get("overview:economies", query.Economies);
        Economy = context.Pick(economy);
        var set = context.Sets.For(Economy);
        (Economies, SetName, MissingMembers) = (context.Choices, set is null ? null : Name(set.Name, set.NameZh), set is null ? [] : context.Sets.Missing(set));
        var data = cache.Get("overview:" + Economy, () =>
        {
            var index = query.Index(Economy);
            return new OverviewData(query.Board(context, Economy), index, query.TopContributors(index.Code), query.Headlines(context, Economy),
                query.TopAlertGroups(Economy), query.Freshness(), query.SetFreshness(context, Economy));
        });
        (Board, Index, Contributors, AlertGroups, Freshness, SetFreshness) = (data.Board, data.Index, data.Contributors, data.AlertGroups, data.Freshness, data.SetFreshness);
        if (Index.Value is not null) IndexSvg = composite.IndexSvg(Index.Code, new ChartRequest(Lang, 900, 300));
        // Card charts are separate, versioned images: the page stays small and browsers keep the charts until the data changes.
        Cards = data.Headlines.Select(c => (c, chartVersion.CardUrl(c.SeriesId, Lang))).ToList();
    }

    public string ThemeName(string? theme) => theme is null ? T("其他", "Other") : Zh ? theme : Monitor.Warn.Sets.Themes.English(theme);

    public string GroupTitle(AlertGroupLine g) => g.Kind switch
    {
        "source" => T($"数据未到：{g.Label}（{g.OpenMembers} 个序列）", $"Data not arrived: {g.Label} ({g.OpenMembers} series)"),
        _ when g.OpenMembers > 1 => T($"{Name(g.Label, g.LabelZh)}（{g.OpenMembers} 条）", $"{g.Label} ({g.OpenMembers} alerts)"),
        _ => Name(g.Label, g.LabelZh),
    };

    public string StateName(Monitor.Warn.Alerts.ReleaseState state) => state switch
    {
        Monitor.Warn.Alerts.ReleaseState.OnTime => T("按时", "on time"),
        Monitor.Warn.Alerts.ReleaseState.Late => T("延迟", "late"),
        Monitor.Warn.Alerts.ReleaseState.Stopped => T("已停更", "stopped"),
        _ => T("缺失", "missing"),
    };
}

/// <summary>Everything the overview reads from the store for one economy, cached together until the store changes.</summary>
public sealed record OverviewData(LightBoard Board, IndexSummary Index, IReadOnlyList<Contributor> Contributors, IReadOnlyList<HeadlineCard> Headlines,
    AlertGroupList AlertGroups, IReadOnlyList<SourceFreshness> Freshness, IReadOnlyList<MemberFreshness> SetFreshness);
