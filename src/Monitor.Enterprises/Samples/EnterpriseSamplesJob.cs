using Microsoft.Extensions.Options;
using Monitor.Core.Configuration;
using Monitor.Core.Jobs;
using Monitor.Core.Store;
using Monitor.Enterprises.Ingest;
using Monitor.Enterprises.Store;
using Monitor.Enterprises.Warnings;

namespace Monitor.Enterprises.Samples;

/// <summary>
/// The first-start source <c>ingest:enterprise-samples</c>: generates the sample panel once (deterministic) and loads it;
/// a store that already holds it is left alone. Listed in Pipeline:FirstStartSources, so forecast and warn follow.
/// </summary>
public sealed class EnterpriseSamplesJob(MonitorStore store, PanelLoader loader, FirmWarnings warnings, IOptions<EnterpriseOptions> options) : IMonitorJob
{
    public const string SourceName = "enterprise-samples";

    public string Key => JobKeys.Ingest(SourceName);

    public string Name => "Ingest enterprise sample panel";

    public string? DefaultCron => null;

    public Task<string> RunAsync(CancellationToken cancellationToken)
    {
        if (AlreadyLoaded()) return Task.FromResult($"{SourceName}: already loaded");
        var panel = MonitorPaths.Resolve(options.Value.SamplePanel);
        if (!File.Exists(panel)) Generate(panel);
        var result = loader.Load(panel, SourceName, cancellationToken);
        if (!result.Succeeded) throw new InvalidOperationException(result.Summary());
        // Watch alerts and the stress series follow the warnings, so they are in place before forecast and warn run.
        return Task.FromResult($"{result.Summary()}; {warnings.Run(cancellationToken)}");
    }

    /// <summary>Writes the sample beside its final name and moves it there, so a half-written panel is never loaded.</summary>
    public static void Generate(string panel)
    {
        var temporary = panel + "." + Guid.NewGuid().ToString("N")[..8];
        new EnterpriseSampleGenerator().Write(temporary, temporary + ".labels");
        File.Move(temporary + ".labels", LabelsPath(panel), overwrite: true);
        File.Move(temporary, panel, overwrite: true);
    }

    /// <summary>The labels file written beside a generated panel.</summary>
    public static string LabelsPath(string panel) => Path.Combine(Path.GetDirectoryName(panel)!, "labels.csv");

    private bool AlreadyLoaded()
    {
        using var connection = store.Open();
        return Sql.Long(connection, null, "SELECT count(*) FROM ingest_runs WHERE source = $1 AND status = 'succeeded'", SourceName) > 0;
    }
}
