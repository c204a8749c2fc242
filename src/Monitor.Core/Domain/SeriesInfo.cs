namespace Monitor.Core.Domain;

/// <summary>One row of the series catalogue.</summary>
public sealed record SeriesInfo(
    string SeriesId,
    string Dataset,
    string Code,
    string Name,
    string? NameZh,
    string Domain,
    string? RegionCode,
    string? IndustryCode,
    Frequency Frequency,
    string? Unit,
    string? Transform,
    string? Source,
    string? Country = null,
    bool CounterCyclical = false)
{
    /// <summary>Name for the reader's language, falling back to English when there is no Chinese label.</summary>
    public string DisplayName(bool chinese) => chinese && !string.IsNullOrWhiteSpace(NameZh) ? NameZh! : Name;

    /// <summary>
    /// The economy the series describes: its region (province or state) for regional series, else its country; "" when
    /// neither is known. The same rule as the view series_economies (docs/store.md).
    /// </summary>
    public string Economy => EconomyOf(RegionCode, Country);

    /// <summary>The country of the economy: the catalogue's country, else the prefix of an ISO 3166-2 region code (CN-BJ → CN).</summary>
    public string CountryOrRegionPrefix => Country ?? (RegionCode is { } r && r.IndexOf('-') is > 0 and var dash ? r[..dash] : "");

    public static string EconomyOf(string? regionCode, string? country) =>
        !string.IsNullOrEmpty(regionCode) ? regionCode : country ?? "";
}

/// <summary>One value of a series for a period (the first day of the period).</summary>
public readonly record struct Observation(DateOnly Period, double Value);
