using Microsoft.Extensions.Options;
using Monitor.Core.Configuration;
using Monitor.Core.Jobs;
using Monitor.Enterprises.Warnings;

namespace Monitor.Enterprises.Ingest;

/// <summary>
/// The job <c>ingest:enterprise-panels</c>: loads every panel file dropped in Enterprises:PanelFolder (CSV, CSV.GZ,
/// Parquet, .xlsx, .xls) in name order, each as its own vintage (a rejected file changes nothing and its problems are
/// in ingest_runs), moves it to done/ or rejected/, then runs the firm warnings (which raise the watch alerts and
/// republish the stress index). Runs when triggered (jobs page, <c>monitor enterprise-panels</c>); forecast and warn follow.
/// </summary>
public sealed class EnterprisePanelsJob(PanelLoader loader, FirmWarnings warnings, IOptions<EnterpriseOptions> options, TimeProvider clock) : IMonitorJob
{
    public const string SourceName = "enterprise-panels";

    public string Key => JobKeys.Ingest(SourceName);

    public string Name => "Load enterprise panels (drop folder)";

    public string? DefaultCron => null;

    public Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var folder = MonitorPaths.Resolve(options.Value.PanelFolder);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder).Where(IsPanel).Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0) return Task.FromResult($"{SourceName}: no panel in {folder}");
        var results = new List<PanelLoadResult>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = loader.Load(file, SourceName, cancellationToken);
            Move(folder, file, result.Succeeded ? "done" : "rejected");
            results.Add(result);
        }
        var summary = string.Join("; ", results.Select(r => r.Summary()));
        if (!results.Any(r => r.Succeeded)) return Task.FromResult(summary);
        // The warnings run raises the watch alerts and republishes the stress index (embedded, or sent to shard workers).
        return Task.FromResult($"{summary}; {warnings.Run(cancellationToken)}");
    }

    /// <summary>The file kinds the loader reads.</summary>
    public static bool IsPanel(string path) =>
        PanelWorkbook.Is(path) || PanelLayout.IsParquet(path)
        || path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase);

    // Kept, not deleted: done/ and rejected/ hold what was loaded or refused, stamped so a later file of the same name does not overwrite it.
    private void Move(string folder, string file, string outcome)
    {
        var target = Path.Combine(folder, outcome);
        Directory.CreateDirectory(target);
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        File.Move(file, Path.Combine(target, $"{stamp}-{Path.GetFileName(file)}"), overwrite: true);
    }
}
