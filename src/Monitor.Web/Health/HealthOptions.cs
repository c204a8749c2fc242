namespace Monitor.Web.Health;

/// <summary>How /health judges the pipeline; bound from the "Health" section.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>How long after a scheduled run was due it may still be missing before /health says "degraded".</summary>
    public TimeSpan RunTolerance { get; set; } = TimeSpan.FromHours(2);
}
