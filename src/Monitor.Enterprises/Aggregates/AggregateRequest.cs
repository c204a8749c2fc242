namespace Monitor.Enterprises.Aggregates;

/// <summary>
/// One bottom-up table: an indicator in one month, broken down by some of region, industry and size class, at a
/// region level (province: first two digits of the division code; city: first four) and an industry level (section
/// letter, or division as in "C13").
/// </summary>
public sealed record AggregateRequest(string Indicator, DateOnly Period, IReadOnlyList<string> By, string RegionLevel = "province", string IndustryLevel = "division")
{
    public const string Region = "region", Industry = "industry", Size = "size";

    /// <summary>The code of a margin (all regions, all industries or all sizes).</summary>
    public const string Total = "_T";

    /// <summary>Checks the request; returns the problem or null.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Indicator)) return "an indicator is required";
        if (By.Count == 0) return "--by needs at least one of region, industry, size";
        if (By.FirstOrDefault(b => b is not (Region or Industry or Size)) is { } bad) return $"--by: '{bad}' is not one of region, industry, size";
        if (By.Distinct().Count() != By.Count) return "--by names a dimension twice";
        if (RegionLevel is not ("province" or "city")) return $"--region-level: '{RegionLevel}' is not province or city";
        if (IndustryLevel is not ("section" or "division")) return $"--industry-level: '{IndustryLevel}' is not section or division";
        return Period.Day == 1 ? null : "the period must be a month";
    }
}

/// <summary>
/// One cell of a table before disclosure control: its codes (one per dimension, "_T" for a margin), total, number of
/// firms, largest single firm's contribution, and the same-sample (同口径) totals for the growth on a year earlier.
/// </summary>
public sealed record AggregateCell(IReadOnlyList<string> Codes, double Value, long Firms, double Largest, double SameNow, double SameYearAgo, long SameFirms)
{
    /// <summary>Growth on the same month a year earlier over the firms present in both (percent), or null.</summary>
    public double? SameSampleGrowth => SameYearAgo > 0 ? 100 * (SameNow / SameYearAgo - 1) : null;

    public bool IsMargin(int dimension) => Codes[dimension] == AggregateRequest.Total;
}
