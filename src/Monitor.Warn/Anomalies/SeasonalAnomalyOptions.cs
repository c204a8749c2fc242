namespace Monitor.Warn.Anomalies;

/// <summary>
/// Settings of the seasonal spike detector (section <c>Warn:Seasonal</c>). Defaults were chosen on data-samples/ itself
/// (in-sample; docs/warn.md says so and gives the figures).
/// </summary>
public sealed class SeasonalAnomalyOptions
{
    /// <summary>Off: the warn job runs no seasonal detector.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Robust |z| of the seasonal residual from which a month is flagged.</summary>
    public double Threshold { get; set; } = 4.0;

    /// <summary>Anchors: the value j = 1..Lags months before, each moved by the typical change over those j months.</summary>
    public int Lags { get; set; } = 3;

    /// <summary>Past years whose same-calendar-month change gives the typical change (median; at least 2 needed).</summary>
    public int Years { get; set; } = 5;

    /// <summary>Latest residuals of the same group (Jan–Feb or the other months) whose MAD gives σ.</summary>
    public int SigmaWindow { get; set; } = 60;

    /// <summary>Residuals of the same group needed before a month is scored (a merged Jan–Feb release adds one a year).</summary>
    public int MinimumResiduals { get; set; } = 5;

    /// <summary>
    /// Months of history before the first scored month: two years before the first expectation (two same-month changes)
    /// and two years of residuals, so σ is not estimated from a handful of months.
    /// </summary>
    public int MinimumHistory { get; set; } = 48;

    /// <summary>A month is a common shock (not flagged for any series of the dataset) when this share of its scored series has |z| above <see cref="CommonShockZ"/>.</summary>
    public double CommonShockShare { get; set; } = 0.10;

    public double CommonShockZ { get; set; } = 3.0;

    /// <summary>Economies (and their regions, "CN-…") whose series follow the Chinese calendar: Spring Festival and merged Jan–Feb releases.</summary>
    public List<string> SpringFestivalEconomies { get; set; } = ["CN"];

    /// <summary>Whether a series of <paramref name="economy"/> (a country or region code) follows the Chinese calendar.</summary>
    public bool FollowsSpringFestival(string economy) =>
        SpringFestivalEconomies.Any(e => e.Length > 0 && (economy == e || economy.StartsWith(e + "-", StringComparison.Ordinal)));
}
