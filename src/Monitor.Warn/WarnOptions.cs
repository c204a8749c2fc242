using Monitor.Warn.Alerts;

namespace Monitor.Warn;

/// <summary>The "Warn" configuration section: light rules and overrides, composite components, alert policy.</summary>
public sealed class WarnOptions
{
    public const string Section = "Warn";

    /// <summary>Version stamped on every light (signal_lights.config_version); raise it when check points or weights change.</summary>
    public int LightConfigVersion { get; set; } = 1;

    /// <summary>Percentiles of the indicator's own metric history that become the four default check points.</summary>
    public List<double> CheckPointPercentiles { get; set; } = [];

    /// <summary>Periods of metric history needed before the first light.</summary>
    public int MinimumLightHistory { get; set; } = 36;

    /// <summary>Per-indicator overrides (a list, because series ids contain ':' which configuration keys cannot).</summary>
    public List<LightOverride> LightOverrides { get; set; } = [];

    /// <summary>Upper edges of the blue, lightblue, green and yellow bands on the composite's weighted mean points.</summary>
    public List<double> CompositeBands { get; set; } = [];

    /// <summary>
    /// Share of the 预警指数 members' total weight that must be lit in a month for that month's index to be published
    /// (0–1). Early in a sample only one or two members have lights, and an index of those alone swings to its extremes.
    /// </summary>
    public double WarningIndexMinCoverage { get; set; } = 0.5;

    /// <summary>Series in the 预警指数 (empty: every national monthly series with a light).</summary>
    public List<string> WarningIndexSeries { get; set; } = [];

    /// <summary>Indicator sets (景气指标组) per economy; when none are configured <see cref="Sets.DefaultIndicatorSets"/> is used.</summary>
    public List<Sets.IndicatorSet> IndicatorSets { get; set; } = [];

    /// <summary>Composite indices; when none are configured <see cref="DefaultComposites"/> is used.</summary>
    public List<CompositeDefinition> Composites { get; set; } = [];

    public AlertPolicy Alerts { get; set; } = new();

    /// <summary>The recession-risk alert: the evaluated leading-composite rule run on the store's data each time the job runs.</summary>
    public RecessionRiskOptions RecessionRisk { get; set; } = new();

    /// <summary>CUSUM allowance and decision limit, in σ of the one-step residuals.</summary>
    public double CusumAllowance { get; set; } = 0.5;

    public double CusumDecisionLimit { get; set; } = 5.0;

    /// <summary>Robust |z| from which a panel member is flagged against its peers.</summary>
    public double CrossSectionThreshold { get; set; } = 3.5;

    /// <summary>A member flagged against its peers is flagged again only after its robust |z| has fallen below this.</summary>
    public double CrossSectionRearm { get; set; } = 2.0;

    /// <summary>The seasonal spike detector (monthly series; Spring Festival and merged Jan–Feb releases for Chinese series).</summary>
    public Anomalies.SeasonalAnomalyOptions Seasonal { get; set; } = new();

    public IReadOnlyList<double> EffectivePercentiles => CheckPointPercentiles.Count == 4 ? CheckPointPercentiles : [10, 25, 75, 90];

    public IReadOnlyList<double> EffectiveBands => CompositeBands.Count == 4 ? CompositeBands : [1.8, 2.6, 3.4, 4.2];

    public IReadOnlyList<CompositeDefinition> EffectiveComposites => Composites.Count > 0 ? Composites : DefaultComposites;

    /// <summary>
    /// US leading and coincident composites on FRED-MD series (Conference Board-like components available in FRED-MD;
    /// ids are SeriesKey.Compose(dataset, code, region, industry), so the manufacturing hours carry their NAICS code),
    /// and a leading and a coincident composite on the sample panel's series that are published every month.
    /// </summary>
    public static IReadOnlyList<CompositeDefinition> DefaultComposites { get; } =
    [
        new()
        {
            Code = "leading", Name = "Leading index (US)", NameZh = "先行指数（美国）", Economy = "US",
            Components =
            [
                new() { SeriesId = "fred_md:AWHMAN::NAICS-31-33" }, new() { SeriesId = "fred_md:CLAIMSx", Inverted = true },
                new() { SeriesId = "fred_md:AMDMNOx" }, new() { SeriesId = "fred_md:PERMIT" },
                new() { SeriesId = "fred_md:S&P 500" }, new() { SeriesId = "fred_md:T10YFFM", Difference = true },
                new() { SeriesId = "fred_md:UMCSENTx", Difference = true }, new() { SeriesId = "fred_md:M2REAL" },
            ],
        },
        new()
        {
            Code = "coincident", Name = "Coincident index (US)", NameZh = "一致指数（美国）", Economy = "US",
            Components =
            [
                new() { SeriesId = "fred_md:PAYEMS" }, new() { SeriesId = "fred_md:W875RX1" },
                new() { SeriesId = "fred_md:INDPRO" }, new() { SeriesId = "fred_md:CMRMTSPLx" },
            ],
        },
        new()
        {
            Code = "leading_cn", Name = "Leading index (China sample)", NameZh = "先行指数（样本）", Economy = "CN",
            Components =
            [
                new() { SeriesId = "china_sample:PMI_MFG", Difference = true }, new() { SeriesId = "china_sample:M2_YOY", Difference = true },
                new() { SeriesId = "china_sample:PPI_YOY", Difference = true },
            ],
        },
        new()
        {
            Code = "coincident_cn", Name = "Coincident index (China sample)", NameZh = "一致指数（样本）", Economy = "CN",
            Components =
            [
                new() { SeriesId = "china_sample:PMI_NONMFG", Difference = true }, new() { SeriesId = "china_sample:UNEMP", Difference = true, Inverted = true },
                new() { SeriesId = "china_sample:CPI_YOY", Difference = true },
            ],
        },
    ];
}

/// <summary>Which composite the recession-risk rule watches and which series give the 10y–3m yield-curve spread.</summary>
public sealed class RecessionRiskOptions
{
    public string Composite { get; set; } = "leading";

    public string LongRate { get; set; } = "fred_md:GS10";

    public string ShortRate { get; set; } = "fred_md:TB3MS";
}

/// <summary>Override of one indicator's light: fixed check points, metric ("YoyGrowth", "YoyDifference", "Level"), weight.</summary>
public sealed class LightOverride
{
    public string SeriesId { get; set; } = "";

    public List<double> CheckPoints { get; set; } = [];

    public string? Metric { get; set; }

    public double? Weight { get; set; }
}

/// <summary>A composite index: its code (composite_readings.index_code), names and components.</summary>
public sealed class CompositeDefinition
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string NameZh { get; set; } = "";

    /// <summary>The economy its components describe (composites never mix economies).</summary>
    public string Economy { get; set; } = "";

    public List<CompositeComponentOption> Components { get; set; } = [];
}

/// <summary>One component: series, weight, whether to use plain differences (rates, spreads) and whether it is inverted.</summary>
public sealed class CompositeComponentOption
{
    public string SeriesId { get; set; } = "";

    public double Weight { get; set; } = 1.0;

    public bool Difference { get; set; }

    public bool Inverted { get; set; }
}
