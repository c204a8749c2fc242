using Monitor.Core.Jobs;

namespace Monitor.Ingest.Sources;

/// <summary>A configured source as a scheduled pipeline job (key <c>ingest:&lt;name&gt;</c>); a rejected file fails the job.</summary>
public sealed class IngestSourceJob(SourceOptions source, SourceRunner runner) : IMonitorJob, IZonedJob
{
    public string Key => JobKeys.Ingest(source.Name);

    public string Name => $"Ingest {source.Name}";

    /// <summary>The source's cron; null (not scheduled) when the source is disabled.</summary>
    public string? DefaultCron => source.Enabled && !string.IsNullOrWhiteSpace(source.Cron) ? source.Cron : null;

    /// <summary>The zone the source's cron is meant in.</summary>
    public string TimeZone => source.TimeZone;

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(source, cancellationToken);
        if (!result.Succeeded)
            throw new InvalidOperationException(result.Summary() + (result.Problems.Count > 0 ? " — " + result.Problems[0] : ""));
        return result.Summary();
    }
}
