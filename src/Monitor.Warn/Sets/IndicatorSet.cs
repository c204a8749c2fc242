namespace Monitor.Warn.Sets;

/// <summary>
/// A 景气指标组: the indicators an economy's board, headline cards and 预警指数 are built from, in order, with their
/// theme, weight and direction. Versioned: every saved edit is a new version (indicator_sets), as light configurations are.
/// </summary>
public sealed class IndicatorSet
{
    /// <summary>Stable code of the set (e.g. "cn", "us", "sample").</summary>
    public string Code { get; set; } = "";

    /// <summary>The economy it describes (SeriesInfo.Economy: "CN", "US", a province code…).</summary>
    public string Economy { get; set; } = "";

    public string Name { get; set; } = "";

    public string NameZh { get; set; } = "";

    /// <summary>Configured version; a version saved on the admin page with a higher number replaces it.</summary>
    public int Version { get; set; } = 1;

    public List<IndicatorSetMember> Members { get; set; } = [];
}

/// <summary>
/// One indicator of a set: the series shown (its preferred transform, e.g. 同比 for 工业增加值, the level for a PMI), its theme,
/// weight in the 预警指数, direction, and the family prefix that gathers its other variants under it.
/// </summary>
public sealed class IndicatorSetMember
{
    public string SeriesId { get; set; } = "";

    /// <summary>One of <see cref="Themes.All"/>: 生产, 需求, 价格, 货币金融, 就业, 对外.</summary>
    public string Theme { get; set; } = Themes.Production;

    public double Weight { get; set; } = 1.0;

    /// <summary>Counter-cyclical (a rise is bad news, e.g. unemployment): its light is flipped.</summary>
    public bool CounterCyclical { get; set; }

    /// <summary>Series code prefix of the family (default: <see cref="IndicatorFamily.Stem"/> of the code).</summary>
    public string? Family { get; set; }
}

/// <summary>The themes a board's rows are grouped by, in display order.</summary>
public static class Themes
{
    public const string Production = "生产";
    public const string Demand = "需求";
    public const string Prices = "价格";
    public const string Money = "货币金融";
    public const string Employment = "就业";
    public const string External = "对外";

    public static IReadOnlyList<string> All { get; } = [Production, Demand, Prices, Money, Employment, External];

    public static string English(string theme) => theme switch
    {
        Production => "Production",
        Demand => "Demand",
        Prices => "Prices",
        Money => "Money and credit",
        Employment => "Employment",
        External => "External",
        _ => theme,
    };
}
