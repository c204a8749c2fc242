using Monitor.Present.Charts;
using Monitor.Web.Charts;
using Monitor.Web.Pages.Shared;

namespace Monitor.Web.Pages.Overview;

/// <summary>总览: the signal-light board, the 预警指数, headline indicators with charts, latest alerts, data freshness.</summary>
public sealed class IndexModel(OverviewQuery query, PageCache cache, ChartVersion chartVersion, CompositeChartRenderer composite) : MonitorPageModel
{
    public LightBoard Board { get; private set; } = new([], []);
    public IReadOnlyList<(HeadlineCard Card, string ChartUrl)> Cards { get; private set; } = [];
    public IndexSummary Index { get; private set; } = new(null, null, null, []);
    public string IndexSvg { get; private set; } = "";
    public IReadOnlyList<Contributor> Contributors { get; private set; } = [];
    public IReadOnlyList<AlertLine> Alerts { get; private set; } = [];
    public IReadOnlyList<SourceFreshness> Freshness { get; private set; } = [];

    public void OnGet()
    {
        var data = cache.Get("overview", () => new OverviewData(query.Board(), query.Index(), query.TopContributors(), query.Headlines(), query.LatestAlerts(), query.Freshness()));
        (Board, Index, Contributors, Alerts, Freshness) = (data.Board, data.Index, data.Contributors, data.Alerts, data.Freshness);
        if (Index.Value is not null) IndexSvg = composite.IndexSvg(OverviewQuery.WarningIndex, new ChartRequest(Lang, 900, 300));
        // Card charts are separate, versioned images: the page stays small and browsers keep the charts until the data changes.
        Cards = data.Headlines.Select(c => (c, chartVersion.CardUrl(c.SeriesId, Lang))).ToList();
    }
}

/// <summary>Everything the overview reads from the store, cached together until the store changes.</summary>
public sealed record OverviewData(LightBoard Board, IndexSummary Index, IReadOnlyList<Contributor> Contributors, IReadOnlyList<HeadlineCard> Headlines, IReadOnlyList<AlertLine> Alerts,
    IReadOnlyList<SourceFreshness> Freshness);
