namespace Monitor.Nowcast;

/// <summary>Options of the nowcast stage (section "Nowcast"): the targets and the alert thresholds.</summary>
public sealed class NowcastOptions
{
    public const string Section = "Nowcast";

    /// <summary>An alert opens when a nowcast moves by at least this much (target units, e.g. percentage points) from the previous one of the same quarter.</summary>
    public double AlertMove { get; set; } = 1.0;

    /// <summary>An indicator whose latest value is this many months older than the panel's latest month has stopped publishing and is left out.</summary>
    public int StaleMonths { get; set; } = 6;

    /// <summary>Fewest target quarters overlapping the indicators that a model needs.</summary>
    public int MinimumQuarters { get; set; } = 12;

    /// <summary>Quarters of nowcast path rebuilt from publication lags when a target has no nowcast yet.</summary>
    public int ReplayQuarters { get; set; } = 4;

    public int MaxIterations { get; set; } = 100;

    /// <summary>
    /// Published quarters whose errors set the 80% band (<see cref="Model.PastErrorBand"/>): today's information pattern
    /// shifted back a quarter at a time; 0 shows the model's smoothed variance, which is too wide (docs/nowcast.md).
    /// </summary>
    public int BandQuarters { get; set; } = 20;

    public List<NowcastTargetOptions> Targets { get; set; } = [];
}

/// <summary>One quarterly target and its monthly indicators, all series in the store.</summary>
public sealed class NowcastTargetOptions
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string NameZh { get; set; } = "";

    /// <summary>series_id of the quarterly target.</summary>
    public string Target { get; set; } = "";

    /// <summary>"level" (as stored, e.g. a y/y rate), "qoq-annualised" (400·Δlog), or "ytd-yoy" (a Jan-to-quarter y/y rate turned into the quarter's own).</summary>
    public string TargetTransform { get; set; } = "level";

    /// <summary>"mariano-murasawa" for q/q growth rates, "average" for y/y rates and levels.</summary>
    public string Aggregation { get; set; } = "average";

    /// <summary>Unit of the target for display, e.g. "% y/y".</summary>
    public string Unit { get; set; } = "";

    /// <summary>AR order of the factors (the US target: 1, as chosen by the pre-2000 search).</summary>
    public int FactorOrder { get; set; } = 2;

    /// <summary>First month of the estimation sample (yyyy-MM), optional.</summary>
    public string? SampleStart { get; set; }

    /// <summary>Least idiosyncratic variance of each series as a share of its variance (<see cref="Model.EmOptions.IdioFloor"/>); 0: off.</summary>
    public double IdioFloor { get; set; }

    public List<NowcastIndicatorOptions> Indicators { get; set; } = [];
}

/// <summary>A monthly indicator: its series, its transformation to stationarity and the block its news is grouped under.</summary>
public sealed class NowcastIndicatorOptions
{
    public string Series { get; set; } = "";

    /// <summary>"level", "yoy" (% on 12 months before), "diff", or "tcode" (the catalogue's FRED transform code).</summary>
    public string Transform { get; set; } = "level";

    public string Block { get; set; } = "real";

    /// <summary>
    /// A block factor the indicator loads on besides the global one (e.g. "real", "labour", "nominal", "financial"; the
    /// target loads on the global factor only), as chosen by the pre-2000 search (docs/nowcast.md); null: global only.
    /// A block with fewer than two indicators in use is left out.
    /// </summary>
    public string? Factor { get; set; }
}
