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
    bool? CounterCyclical = null);
