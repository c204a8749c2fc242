namespace Monitor.Core.Jobs;

/// <summary>Keys of the pipeline's jobs and the order in which one stage hands over to the next (through the store).</summary>
public static class JobKeys
{
    public const string IngestPrefix = "ingest:";
    public const string Forecast = "forecast";
    public const string Nowcast = "nowcast";
    public const string Warn = "warn";
    public const string EmailDigest = "email-digest";

    /// <summary>The firm-level warnings, run after an enterprise panel loads; like an ingest, forecast follows it.</summary>
    public const string EnterpriseWarnings = "enterprise-warnings";

    public static string Ingest(string sourceName) => IngestPrefix + sourceName;

    /// <summary>The stage that runs after <paramref name="jobKey"/> succeeds: ingest (or enterprise warnings) → forecast → nowcast → warn.</summary>
    public static string? NextStage(string jobKey) => jobKey switch
    {
        _ when jobKey.StartsWith(IngestPrefix, StringComparison.Ordinal) => Forecast,
        EnterpriseWarnings => Forecast,
        Forecast => Nowcast,
        Nowcast => Warn,
        _ => null,
    };
}
