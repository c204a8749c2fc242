using Monitor.Core.Domain;
using Monitor.Warn.Sets;

namespace Monitor.Web.Pages.Overview;

/// <summary>An economy the overview can switch to: its code, how many of its set's indicators are in the store, its series count.</summary>
public sealed record EconomyChoice(string Code, int SetIndicators, int Series)
{
    public string Name(bool chinese) => EconomyNames.Name(Code, chinese);
}

/// <summary>Display names of economies (countries by ISO code; provinces and states keep their region code).</summary>
public static class EconomyNames
{
    public static string Name(string code, bool chinese) => code switch
    {
        "CN" => chinese ? "中国" : "China",
        "US" => chinese ? "美国" : "United States",
        "" => chinese ? "未指定经济体" : "Economy not given",
        _ => code,
    };
}

/// <summary>
/// The catalogue seen by economy: the national economies to switch between (those with national series), each
/// economy's resolved set, and the default the overview opens on: the configured <paramref name="preferred"/> economy
/// (<c>Overview:DefaultEconomy</c>, "CN" unless configured: the product is built for Chinese planners) when the store
/// holds its series, else the economy with the most indicators of its set in the store, then the most series.
/// </summary>
public sealed class EconomyContext
{
    public EconomyContext(IReadOnlyList<SeriesInfo> catalogue, IReadOnlyList<IndicatorSet> sets, string? preferred = null)
    {
        Catalogue = catalogue;
        Sets = EconomySets.Resolve(sets, catalogue);
        var ids = catalogue.Select(s => s.SeriesId).ToHashSet(StringComparer.Ordinal);
        Choices = catalogue.Where(s => s.RegionCode is null).GroupBy(s => s.Economy, StringComparer.Ordinal)
            .Select(g => new EconomyChoice(g.Key, Sets.For(g.Key)?.Members.Count(m => ids.Contains(m.SeriesId)) ?? 0, g.Count()))
            .OrderByDescending(c => c.SetIndicators).ThenByDescending(c => c.Series).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
        Default = Choices.Any(c => c.Code == preferred) ? preferred! : Choices.Count > 0 ? Choices[0].Code : "";
        // the switch starts with the default
        Choices = Choices.OrderBy(c => c.Code == Default ? 0 : 1).ToList();
    }

    public IReadOnlyList<SeriesInfo> Catalogue { get; }

    public EconomySets Sets { get; }

    public IReadOnlyList<EconomyChoice> Choices { get; }

    /// <summary>The economy the overview opens on (see the class summary for the rule).</summary>
    public string Default { get; }

    /// <summary>The asked economy when it is one of the choices, else the default.</summary>
    public string Pick(string? asked) => asked is not null && Choices.Any(c => c.Code == asked) ? asked : Default;
}
