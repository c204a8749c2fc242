namespace Monitor.Ingest.Model;

/// <summary>Catalogue metadata of one series as a reader found it (before it is keyed into the store).</summary>
public sealed record SeriesSpec(
    string Code,
    string Name,
    string Domain,
    string Frequency,
    string? RegionCode = null,
    string? IndustryCode = null,
    string? NameZh = null,
    string? Unit = null,
    string? Transform = null,
    string? Country = null,
    bool? CounterCyclical = null)
{
    /// <summary>Metadata the source attaches to the series (SDMX attributes: UNIT_MEASURE, DECIMALS, OBS_STATUS …), kept in series_attributes.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}
