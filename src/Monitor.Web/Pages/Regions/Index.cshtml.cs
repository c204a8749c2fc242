using Monitor.Present.Charts;
using Monitor.Web.Pages.Shared;

namespace Monitor.Web.Pages.Regions;

/// <summary>区域: a tile-grid map of the 31 provinces coloured by light or growth of one indicator, and a ranking.</summary>
public sealed class IndexModel(RegionsQuery query, PageCache cache) : MonitorPageModel
{
    public IReadOnlyList<RegionalIndicator> Indicators { get; private set; } = [];
    public string? Code { get; private set; }
    public string Mode { get; private set; } = "light";
    public IReadOnlyList<Tile> Tiles { get; private set; } = [];

    public void OnGet(string? code, string? mode)
    {
        Indicators = cache.Get("regions", query.Indicators);
        Code = Indicators.Any(i => i.Code == code) ? code : Indicators.FirstOrDefault()?.Code;
        Mode = mode == "growth" ? "growth" : "light";
        if (Code is null) return;
        var code1 = Code;
        var readings = cache.Get("regions|" + code1, () => query.Readings(code1));
        var byProvince = readings.Select(r => (Province: Provinces.Find(r.RegionCode), Reading: r)).Where(x => x.Province is not null)
            .GroupBy(x => x.Province!.Iso).ToDictionary(g => g.Key, g => g.First().Reading);
        var growthColours = GrowthColours(byProvince.Values);
        Tiles = Provinces.All.Select(p =>
        {
            var reading = byProvince.GetValueOrDefault(p.Iso);
            var colour = reading is null ? null : Mode == "growth" ? growthColours.GetValueOrDefault(reading.SeriesId) : reading.Colour;
            return new Tile(p, reading, colour);
        }).ToList();
    }

    /// <summary>Growth mode colours provinces by quintile of growth (lowest = blue … highest = red); the number is always shown.</summary>
    private static Dictionary<string, string> GrowthColours(IEnumerable<ProvinceReading> readings)
    {
        var ranked = readings.Where(r => r.YearChange is not null).OrderBy(r => r.YearChange!.Value.Value).ToList();
        return ranked.Select((r, i) => (r.SeriesId, Colour: ChartPalette.LightFromPoints(1 + i * 5 / Math.Max(1, ranked.Count))))
            .ToDictionary(x => x.SeriesId, x => x.Colour);
    }

    public string ProvinceName(Provinces.Province p) => Zh ? p.NameZh : p.NameEn;
}

/// <summary>One tile of the map: the province, its reading (if any) and the colour it is drawn in.</summary>
public sealed record Tile(Provinces.Province Province, ProvinceReading? Reading, string? Colour);
