namespace Monitor.Enterprises;

/// <summary>The Enterprises module's settings; bound from the "Enterprises" section.</summary>
public sealed class EnterpriseOptions
{
    public const string Section = "Enterprises";

    /// <summary>Where the first start writes (once) and loads the generated sample panel, relative to the content root.</summary>
    public string SamplePanel { get; set; } = "data/enterprise-samples/panel.csv.gz";

    /// <summary>Drop folder of panel files that the job ingest:enterprise-panels loads (relative to the content root).</summary>
    public string PanelFolder { get; set; } = "data/enterprise-panels";

    /// <summary>Primary and secondary suppression settings.</summary>
    public DisclosureOptions Disclosure { get; set; } = new();

    /// <summary>Thresholds of the firm-level warnings.</summary>
    public WarningOptions Warnings { get; set; } = new();

    /// <summary>Published series that are the official totals of an indicator (none by default): coverage is shown where one is loaded.</summary>
    public List<CoverageSeries> Coverage { get; set; } = [];
}

/// <summary>
/// A published monthly series (dataset and code; one series per region and industry, or none for the total) whose
/// values are the official totals of an enterprise indicator. <see cref="Scale"/> turns the panel's unit into the
/// series' (万元 → 亿元: 0.0001).
/// </summary>
public sealed class CoverageSeries
{
    public string Indicator { get; set; } = "";
    public string Dataset { get; set; } = "";
    public string Code { get; set; } = "";
    public double Scale { get; set; } = 1;
}

/// <summary>Primary suppression thresholds (docs/enterprises.md); secondary suppression always follows.</summary>
public sealed class DisclosureOptions
{
    /// <summary>A cell with fewer contributing firms than this is hidden (threshold rule).</summary>
    public int MinFirms { get; set; } = 3;

    /// <summary>A cell whose largest firm holds more than this share of its total is hidden (dominance rule, n = 1).</summary>
    public double MaxLargestShare { get; set; } = 0.85;
}

/// <summary>Thresholds of the firm-level warnings (docs/enterprises.md).</summary>
public sealed class WarningOptions
{
    /// <summary>A fall: output below this share of the firm's own level a year earlier (seasonal history).</summary>
    public double FallRatio { get; set; } = 0.7;

    /// <summary>...and its year-on-year change this many percentage points below the median of its industry peers.</summary>
    public double PeerGapPoints { get; set; } = 20;

    /// <summary>Months in a row without a report before a firm is flagged (it reported before and after, or is not an exit yet).</summary>
    public int SilentMonths { get; set; } = 3;

    /// <summary>Divergence: electricity's year-on-year ratio this much below output's (e.g. 0.7 = 30 % apart).</summary>
    public double DivergenceRatio { get; set; } = 0.75;
}
