using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Domain;
using Monitor.Core.Store;
using Monitor.Present.Charts;
using Monitor.Web.Pages.Shared;

namespace Monitor.Web.Pages.Indicator;

/// <summary>One indicator: history and forecast fan (as of a chosen vintage), anomalies, model accuracy, lights, contributions.</summary>
public sealed class IndexModel(SeriesReader reader, IndicatorQuery query, IChartRenderer charts) : MonitorPageModel
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
        if (string.IsNullOrWhiteSpace(id) || reader.Find(id) is not { } series) return NotFound();
        Series = series;
        AsOf = asOf;
        Svg = charts.SeriesSvg(series.SeriesId, new ChartRequest(Lang, 900, 420, asOf));
        Vintages = query.Vintages(series.SeriesId);
        Model = query.Model(series.SeriesId, asOf);
        Anomalies = query.Anomalies(series.SeriesId);
        Lights = query.Lights(series.SeriesId);
        Contributions = query.Contributions(series.SeriesId);
        return Page();
    }
}
