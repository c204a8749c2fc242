using Monitor.Core.Domain;

namespace Monitor.Cli.Samples;

/// <summary>One generated series with its catalogue fields, in the long layout of ../shared/datasets.</summary>
internal sealed record SampleSeries(
    string Code, string Name, string NameZh, string Domain, string? RegionCode, string? IndustryCode,
    Frequency Frequency, string Unit, string Group, string Notes, int Decimals = 1, bool CounterCyclical = false, string Transform = "")
{
    public SortedDictionary<DateOnly, double> Values { get; init; } = new();

    public string SeriesId => SeriesKey.Compose(SamplePanel.Dataset, Code, RegionCode, IndustryCode);
}

/// <summary>Ground truth of an injected anomaly or level shift, written to labels.csv.</summary>
internal sealed record SampleLabel(string SeriesId, DateOnly Period, string Kind, double Magnitude, string Note);
