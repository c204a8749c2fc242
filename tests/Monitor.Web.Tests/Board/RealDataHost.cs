using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Jobs;
using Monitor.Ingest.Readers;
using Monitor.Ingest.Sources;
using Monitor.Testing;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Board;

/// <summary>
/// The real host on a fresh store loaded with the three real datasets of issue #15 (fred_md, china_macro_monthly,
/// china_provincial_annual from ../shared/datasets), forecast and warned once, shared by the board tests. Tests skip,
/// saying why, when the datasets are absent.
/// </summary>
public static class RealDataHost
{
    public static readonly (string Source, string Dataset)[] Datasets =
        [("fred-md", "fred_md"), ("china-macro-monthly", "china_macro_monthly"), ("china-provincial-annual", "china_provincial_annual")];

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static RunningHost? _host;

    public static async Task<RunningHost> GetAsync()
    {
        var folders = Datasets.Select(d => Path.GetDirectoryName(RepoPaths.Dataset($"{d.Dataset}/observations.csv"))!).ToList();
        await Gate.WaitAsync();
        try
        {
            if (_host is not null) return _host;
            var host = await RunningHost.StartAsync(seeded: false);
            var ingestor = host.Services.GetRequiredService<FileIngestor>();
            for (var i = 0; i < Datasets.Length; i++)
                ingestor.Ingest(new FileIngestor.Request(Datasets[i].Source, folders[i], Datasets[i].Dataset, "long", SourceDefaults.None));
            var jobs = host.Services.GetServices<IMonitorJob>().ToList();
            await jobs.Single(j => j.Key == JobKeys.Forecast).RunAsync(CancellationToken.None);
            await jobs.Single(j => j.Key == JobKeys.Warn).RunAsync(CancellationToken.None);
            return _host = host;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task StopAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _host = null;
    }
}
