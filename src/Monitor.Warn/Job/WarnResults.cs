using Monitor.Core.Domain;
using Monitor.Warn.Alerts;
using Monitor.Warn.Anomalies;
using Monitor.Warn.Lights;

namespace Monitor.Warn.Job;

/// <summary>The lights of one series with the rule that made them.</summary>
public sealed record SeriesLights(SeriesInfo Series, LightRule Rule, LightMetricKind Metric, double[] MetricValues, DateOnly MetricStart, IReadOnlyList<LightReading> Lights);

/// <summary>One row of composite_readings.</summary>
public sealed record CompositeReadingRow(string IndexCode, DateOnly Period, double Value, string? Colour);

/// <summary>One row of composite_contributions.</summary>
public sealed record ContributionRow(string IndexCode, DateOnly Period, string SeriesId, double Contribution);

/// <summary>One row of turning_points.</summary>
public sealed record TurningPointRow(string IndexCode, DateOnly Period, string Kind);

/// <summary>Everything the warn stage computed, ready to be written.</summary>
public sealed class WarnResults
{
    public List<AnomalyFinding> Anomalies { get; } = [];

    public List<SeriesLights> Lights { get; } = [];

    public List<CompositeReadingRow> Readings { get; } = [];

    public List<ContributionRow> Contributions { get; } = [];

    public List<TurningPointRow> TurningPoints { get; } = [];

    public List<AlertCondition> Alerts { get; } = [];

    /// <summary>The recession-risk verdict at the latest month of the watched composite, when it could be computed.</summary>
    public (string IndexCode, DateOnly Period, bool Active, DateOnly? Since)? RecessionRisk { get; set; }

    /// <summary>Series scored against the warn stage's own naive baseline because no one-step forecast was stored.</summary>
    public int FallbackSeries { get; set; }

    public IEnumerable<string> IndexCodes => Readings.Select(r => r.IndexCode).Distinct(StringComparer.Ordinal);
}
