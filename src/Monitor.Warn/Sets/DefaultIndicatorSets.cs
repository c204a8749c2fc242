namespace Monitor.Warn.Sets;

/// <summary>
/// The sets used when Warn:IndicatorSets configures none (docs/warn.md explains the choices): China from
/// china_macro_monthly after the NBS 景气监测 indicator list, the US from FRED-MD (leading-index components and the main
/// coincident series), and the sample panel's set (the national monthly indicators its 预警指数 used before sets existed).
/// </summary>
public static class DefaultIndicatorSets
{
    public static IReadOnlyList<IndicatorSet> All { get; } = [China(), UnitedStates(), Sample()];

    private static IndicatorSet China() => Set("cn", "CN", "China (NBS-style warning set)", "中国景气预警指标组", "china_macro_monthly",
    [
        // industrial value added is catalogued with its industry code (GB-BCD, mining + manufacturing + utilities)
        M("CN_IVA_YOY::GB-BCD", Themes.Production, 1.5), M("CN_ELEC_USE_YTD_YOY", Themes.Production), M("CN_PMI_MFG", Themes.Production),
        M("CN_RETAIL_YOY", Themes.Demand), M("CN_FAI_YOY", Themes.Demand), M("CN_PMI_NONMFG", Themes.Demand),
        M("CN_CPI_YOY", Themes.Prices), M("CN_PPI_YOY", Themes.Prices),
        M("CN_M2_YOY", Themes.Money), M("CN_TSF_FLOW", Themes.Money),
        M("CN_UNEMP_URBAN", Themes.Employment, counter: true),
        M("CN_EXPORTS_YOY", Themes.External), M("CN_IMPORTS_YOY", Themes.External),
    ]);

    private static IndicatorSet UnitedStates() => Set("us", "US", "United States (FRED-MD leading and coincident)", "美国景气指标组（FRED-MD）", "fred_md",
    [
        M("INDPRO", Themes.Production, 1.5), M("AWHMAN::NAICS-31-33", Themes.Production), M("AMDMNOx", Themes.Production),
        M("CMRMTSPLx", Themes.Demand), M("W875RX1", Themes.Demand), M("PERMIT", Themes.Demand), M("UMCSENTx", Themes.Demand),
        M("M2REAL", Themes.Money), M("T10YFFM", Themes.Money), M("S&P 500", Themes.Money),
        M("PAYEMS", Themes.Employment, 1.5), M("CLAIMSx", Themes.Employment, counter: true),
    ]);

    private static IndicatorSet Sample() => Set("sample", "CN", "Sample panel", "样本指标组", "china_sample",
    [
        M("IVA_YOY", Themes.Production), M("PMI_MFG", Themes.Production), M("PMI_NONMFG", Themes.Production), M("ELEC", Themes.Production),
        M("GDP_YOY", Themes.Production),
        M("RETAIL_YOY", Themes.Demand), M("FAI_YTD", Themes.Demand),
        M("CPI_YOY", Themes.Prices), M("PPI_YOY", Themes.Prices),
        M("M2_YOY", Themes.Money), M("TSF", Themes.Money),
        M("UNEMP", Themes.Employment, counter: true),
        M("EXPORTS", Themes.External),
    ]);

    private static IndicatorSet Set(string code, string economy, string name, string nameZh, string dataset, IEnumerable<IndicatorSetMember> members) => new()
    {
        Code = code, Economy = economy, Name = name, NameZh = nameZh,
        Members = members.Select(m => { m.SeriesId = dataset + ":" + m.SeriesId; return m; }).ToList(),
    };

    private static IndicatorSetMember M(string code, string theme, double weight = 1.0, bool counter = false) =>
        new() { SeriesId = code, Theme = theme, Weight = weight, CounterCyclical = counter };
}
