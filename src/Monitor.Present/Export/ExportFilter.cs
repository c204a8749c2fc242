namespace Monitor.Present.Export;

/// <summary>
/// Which forecasts to export. Empty lists mean "all". Without <see cref="RunId"/> each series contributes its latest
/// usable forecast run, or the latest one finished by <see cref="AsOf"/> when that is given.
/// </summary>
public sealed record ExportFilter
{
    public IReadOnlyList<string> Domains { get; init; } = [];
    public IReadOnlyList<string> Regions { get; init; } = [];
    public IReadOnlyList<string> Industries { get; init; } = [];
    public IReadOnlyList<string> SeriesIds { get; init; } = [];
    public long? RunId { get; init; }
    public DateTime? AsOf { get; init; }

    public static ExportFilter All { get; } = new();

    /// <summary>The reason this filter cannot be run, or null when it is consistent.</summary>
    public string? Problem()
    {
        if (RunId is not null && AsOf is not null) return "run and as-of exclude each other: a run is already a point in time";
        if (RunId is <= 0) return $"run must be a positive run id, not {RunId}";
        var badDomain = Domains.FirstOrDefault(d => !Monitor.Core.Domain.Domains.IsValid(d));
        return badDomain is null ? null : $"domain '{badDomain}' is not one of {string.Join(", ", Monitor.Core.Domain.Domains.All)}";
    }

    /// <summary>A one-line description for metadata sheets and summaries.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Domains.Count > 0) parts.Add("domain=" + string.Join(',', Domains));
        if (Regions.Count > 0) parts.Add("region=" + string.Join(',', Regions));
        if (Industries.Count > 0) parts.Add("industry=" + string.Join(',', Industries));
        if (SeriesIds.Count > 0) parts.Add("series=" + string.Join(',', SeriesIds));
        parts.Add(RunId is { } run ? $"run={run}" : "run=latest per series");
        if (AsOf is { } asOf) parts.Add($"as-of={asOf:yyyy-MM-dd HH:mm:ss}");
        return string.Join("; ", parts);
    }
}
