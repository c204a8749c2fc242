using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Domain;
using Monitor.Core.Store;
using Monitor.Present.Charts;
using Monitor.Web.Pages.Shared;

namespace Monitor.Web.Pages.Indicator;

/// <summary>One indicator: history and forecast fan (as of a chosen vintage), anomalies, model accuracy, lights, contributions.</summary>
public sealed class IndexModel(SeriesReader reader, IndicatorQuery query, PageCache cache, IChartRenderer charts) : MonitorPageModel
{
    public SeriesInfo? Series { get; private set; }
    public DateTime? AsOf { get; private set; }
    public string Svg { get; private set; } = "";
    public IReadOnlyList<DateTime> Vintages { get; private set; } = [];
    public ModelSummary? Model { get; private set; }
    public IReadOnlyList<AnomalyRow> Anomalies { get; private set; } = [];
    public IReadOnlyList<LightHistoryRow> Lights { get; private set; } = [];
    public IReadOnlyList<ContributionRow> Contributions { get; private set; } = [];

    public IActionResult OnGet(string? id, DateTime? asOf)
    {
        if (string.IsNullOrWhiteSpace(id)) return NotFound();
        var data = cache.Get($"indicator|{id}|{asOf:O}", () => Load(id, asOf));
        if (data.Series is null) return NotFound();
        (Series, AsOf) = (data.Series, asOf);
        (Vintages, Model, Anomalies, Lights, Contributions) = (data.Vintages, data.Model, data.Anomalies, data.Lights, data.Contributions);
        Svg = charts.SeriesSvg(data.Series.SeriesId, new ChartRequest(Lang, 900, 420, asOf));
        return Page();
    }

    private IndicatorData Load(string id, DateTime? asOf)
    {
        if (reader.Find(id) is not { } series) return new IndicatorData(null, [], null, [], [], []);
        return new IndicatorData(series, query.Vintages(id), query.Model(id, asOf), query.Anomalies(id), query.Lights(id), query.Contributions(id));
    }
}

/// <summary>Everything the indicator page reads from the store for one (series, as-of), cached until the store changes.</summary>
public sealed record IndicatorData(SeriesInfo? Series, IReadOnlyList<DateTime> Vintages, ModelSummary? Model, IReadOnlyList<AnomalyRow> Anomalies,
    IReadOnlyList<LightHistoryRow> Lights, IReadOnlyList<ContributionRow> Contributions);
