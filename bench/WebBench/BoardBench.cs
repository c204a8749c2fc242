using System.Diagnostics;
using System.Globalization;
using Monitor.Core.Jobs;
using Monitor.Core.Store;
using Monitor.Ingest.Readers;
using Monitor.Ingest.Sources;

namespace WebBench;

/// <summary>
/// Issue #15's figures: the three real datasets (fred_md, china_macro_monthly, china_provincial_annual) loaded into a
/// fresh store and forecast and warned; then unresolved alerts (what the overview listed one by one before alert groups)
/// against open alert groups, and the overview's render time per economy, cold (first request) and warm.
/// </summary>
public static class BoardBench
{
    private static readonly (string Source, string Dataset)[] Datasets =
        [("fred-md", "fred_md"), ("china-macro-monthly", "china_macro_monthly"), ("china-provincial-annual", "china_provincial_annual")];

    public static async Task RunAsync(IServiceProvider services, HttpClient client, string datasets)
    {
        var clock = Stopwatch.StartNew();
        var ingestor = services.GetRequiredService<FileIngestor>();
        foreach (var (source, dataset) in Datasets)
            ingestor.Ingest(new FileIngestor.Request(source, Path.Combine(datasets, dataset), dataset, "long", SourceDefaults.None));
        Console.WriteLine($"load of the three datasets: {clock.Elapsed.TotalSeconds:0.0} s");
        var jobs = services.GetServices<IMonitorJob>().ToList();
        foreach (var key in new[] { JobKeys.Forecast, JobKeys.Warn })
        {
            clock.Restart();
            await jobs.Single(j => j.Key == key).RunAsync(CancellationToken.None);
            Console.WriteLine($"{key}: {clock.Elapsed.TotalSeconds:0.0} s");
        }

        var store = services.GetRequiredService<MonitorStore>();
        Console.WriteLine(Single(store, """
            SELECT 'unresolved alerts ' || count(*) FILTER (WHERE state <> 'resolved')
                || ', open alert groups ' || count(DISTINCT group_key) FILTER (WHERE state <> 'resolved')
                || '; data not arrived: ' || count(*) FILTER (WHERE state <> 'resolved' AND rule = 'no_data') || ' alerts in '
                || count(DISTINCT group_key) FILTER (WHERE state <> 'resolved' AND rule = 'no_data') || ' groups'
            FROM alert_group_members
            """));
        foreach (var (path, label) in new[] { ("/", "overview, China (default)"), ("/?economy=US", "overview, United States") })
        {
            var cold = await Milliseconds(client, path);
            var warm = new List<double>();
            for (var i = 0; i < 5; i++) warm.Add(await Milliseconds(client, path));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: cold {cold:0} ms, warm median {warm.Order().ElementAt(2):0.0} ms (5 requests)"));
        }
    }

    private static async Task<double> Milliseconds(HttpClient client, string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
        return clock.Elapsed.TotalMilliseconds;
    }

    private static string Single(MonitorStore store, string sql)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }
}
