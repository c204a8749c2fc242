using Microsoft.AspNetCore.Mvc;
using Monitor.Present.Charts;
using Monitor.Web.Pages.Shared;

namespace Monitor.Web.Pages.Regions;

/// <summary>One province: every series it has, with latest value, light and the charts of the first few.</summary>
public sealed class ProvinceModel(RegionsQuery query, IChartRenderer charts) : MonitorPageModel
{
    public Provinces.Province? Province { get; private set; }
    public IReadOnlyList<ProvinceSeries> Series { get; private set; } = [];
    public IReadOnlyList<(string SeriesId, string Svg)> Charts { get; private set; } = [];

    public IActionResult OnGet(string? code)
    {
        Province = Provinces.Find(code);
        if (Province is null) return NotFound();
        var p = Province;
        Series = query.ProvinceSeries([p.Iso, p.Iso[3..], p.Numeric, p.Numeric + "0000"]);
        Charts = Series.Take(4).Select(s => (s.SeriesId, charts.SeriesSvg(s.SeriesId, new ChartRequest(Lang, 480, 260)))).ToList();
        return Page();
    }
}
