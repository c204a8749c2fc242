using Monitor.Present.Charts;
using Monitor.Web.Pages.Shared;

namespace Monitor.Web.Pages.Industries;

/// <summary>行业: heatmap of industries × months and a ranking by the latest month.</summary>
public sealed class IndexModel(IndustriesQuery query, PageCache cache) : MonitorPageModel
{
    public IReadOnlyList<IndustryIndicator> Indicators { get; private set; } = [];
    public string? Code { get; private set; }
    public IReadOnlyList<DateOnly> Periods { get; private set; } = [];
    public IReadOnlyList<HeatRow> Rows { get; private set; } = [];
    public bool ByLight { get; private set; }

    /// <summary>The indicator is a rate, so its cells show changes in percentage points rather than per cent.</summary>
    public bool InPoints { get; private set; }

    public string ChangeLegend => InPoints
        ? T("格内为同比变化（百分点），颜色为全表五分位。", "Cells show the change on a year earlier (percentage points), coloured by quintile of the grid.")
        : T("格内为同比增长（%），颜色为全表五分位。", "Cells show year-on-year growth (%), coloured by quintile of the grid.");

    public void OnGet(string? code)
    {
        Indicators = cache.Get("industries", query.Indicators);
        Code = Indicators.Any(i => i.Code == code) ? code : Indicators.FirstOrDefault()?.Code;
        if (Code is null) return;
        var code1 = Code;
        var cells = cache.Get("industries|" + code1, () => query.Cells(code1));
        ByLight = cells.Any(c => c.Colour is not null);
        InPoints = cells.Any(c => c.YearChange?.Points == true);
        Periods = cells.Select(c => c.Period).Distinct().Order().ToList();
        var quintile = GrowthQuintiles(cells);
        Rows = cells.GroupBy(c => c.SeriesId).Select(g => new HeatRow(g.First(), g.ToDictionary(c => c.Period, c => new HeatValue(
            ByLight ? c.Metric : c.YearChange?.Value,
            ByLight ? c.Colour : quintile(c.YearChange?.Value),
            c.Points)))).ToList();
    }

    /// <summary>Without lights, cells are coloured by quintile of growth over the whole grid (blue lowest … red highest).</summary>
    private static Func<double?, string?> GrowthQuintiles(IReadOnlyList<HeatCell> cells)
    {
        var sorted = cells.Where(c => c.YearChange is not null).Select(c => c.YearChange!.Value.Value).Order().ToArray();
        if (sorted.Length == 0) return _ => null;
        var cuts = Enumerable.Range(1, 4).Select(i => sorted[Math.Min(sorted.Length - 1, i * sorted.Length / 5)]).ToArray();
        return g => g is { } v ? ChartPalette.LightFromPoints(1 + cuts.Count(c => v >= c)) : null;
    }
}

/// <summary>One industry's row: its first cell (names) and its cells by month.</summary>
public sealed record HeatRow(HeatCell Info, IReadOnlyDictionary<DateOnly, HeatValue> Cells)
{
    public HeatValue? Latest(IReadOnlyList<DateOnly> periods) => periods.Count > 0 && Cells.TryGetValue(periods[^1], out var v) ? v : null;
}

/// <summary>The number a heatmap cell shows and the colour it is drawn in.</summary>
public sealed record HeatValue(double? Number, string? Colour, int? Points);
