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
}

/// <summary>One value of a series for a period (the first day of the period).</summary>
public readonly record struct Observation(DateOnly Period, double Value);
