// Shared set-up of the Monitor notebooks: the project's own build, the same host as the `monitor` command line, and a
// few helpers. Load it with `#load "Setup.csx"` after the #r cell. Lay out the build first: `bash .ci/notebooks.sh --prepare`.
using System.IO;
using System.Threading;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.Cli;
using Monitor.Core.Cli;
using Monitor.Core.Domain;
using Monitor.Core.Jobs;
using Monitor.Core.Store;
using Monitor.Present.Export.Query;

/// <summary>Helpers shared by the notebooks; everything they do goes through the project's services and verbs.</summary>
public static class Notebook
{
    /// <summary>$MONITOR_NOTEBOOK_STORE, else a scratch file per notebook under the temp folder.</summary>
    public static string StorePath(string name)
    {
        var path = Environment.GetEnvironmentVariable("MONITOR_NOTEBOOK_STORE") ?? Path.Combine(Path.GetTempPath(), "monitor-notebooks", name + ".duckdb");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>The shared public datasets: $MONITOR_DATASETS, else ../shared/datasets beside the repository.</summary>
    public static string Datasets => Environment.GetEnvironmentVariable("MONITOR_DATASETS") ?? Path.GetFullPath("../../shared/datasets");

    /// <summary>The command line's composition (every merged module's services, jobs and verbs) on the given store and settings.</summary>
    public static IHost BuildHost(string storePath, IDictionary<string, string?>? settings = null)
    {
        // Content root = the laid-out build, so its appsettings.json (ingest sources, stage defaults) is the base configuration.
        var build = Path.GetFullPath(".lib");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = build });
        builder.Configuration["Store:Path"] = storePath;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.Configuration[key] = value;
        builder.AddMonitorCli();
        return builder.Build();
    }

    public static IReadOnlyList<string> JobKeys(IHost host) => host.Services.GetServices<IMonitorJob>().Select(j => j.Key).ToList();

    /// <summary>Runs a `monitor` verb in this host; null when the verb is not in this build.</summary>
    public static async Task<(int Code, string Output)?> RunVerb(IHost host, string name, params string[] args)
    {
        var verb = host.Services.GetServices<CliVerb>().FirstOrDefault(v => v.Name == name);
        if (verb is null) return null;
        var output = new StringWriter();
        var code = await verb.RunAsync(host.Services, args, output);
        return (code, output.ToString());
    }

    /// <summary>Runs a job by key (as Hangfire would); null when the job is not in this build.</summary>
    public static async Task<string?> RunJob(IHost host, string key) =>
        JobKeys(host).Contains(key) ? await host.Services.GetRequiredService<JobRunner>().RunAsync(key, CancellationToken.None) : null;

    /// <summary>One read-only query, as `monitor query` prints it (CSV with a header).</summary>
    public static string Query(IHost host, string sql)
    {
        var output = new StringWriter();
        host.Services.GetRequiredService<ReadOnlyQuery>().WriteCsv(sql, output);
        return output.ToString();
    }

    /// <summary>
    /// Puts a shared dataset into the store: through its ingest job when this build has one, else by appending the tidy
    /// observations.csv as a single vintage (ids from SeriesKey.Compose), so that the notebooks have data either way.
    /// </summary>
    public static async Task<string> LoadDataset(IHost host, string dataset)
    {
        var csv = Path.Combine(Datasets, dataset, "observations.csv");
        if (!File.Exists(csv)) return $"skipped: {csv} is not on this machine (set MONITOR_DATASETS)";
        var reader = host.Services.GetRequiredService<SeriesReader>();
        if (reader.Catalogue().Any(s => s.Dataset == dataset)) return $"{dataset}: already in the store";
        // Ingest sources are named like the dataset, with '-' or '_'.
        var job = new[] { dataset, dataset.Replace('_', '-') }.Select(Monitor.Core.Jobs.JobKeys.Ingest).FirstOrDefault(JobKeys(host).Contains);
        var note = "no ingest job in this build";
        if (job is not null)
        {
            try
            {
                return $"{job}: {await RunJob(host, job)}";
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException)
            {
                note = $"{job} failed ({ex.Message.Split('\n')[0]})";
            }
        }
        return AppendTidyFile(host.Services.GetRequiredService<MonitorStore>(), dataset, csv, note);
    }

    private static string AppendTidyFile(MonitorStore store, string dataset, string csv, string note)
    {
        var vintage = File.GetLastWriteTimeUtc(csv);
        using var connection = store.Open();
        var names = new Dictionary<string, string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT series_code, name_zh FROM read_csv($1, all_varchar = true)";
            command.Parameters.Add(new DuckDBParameter(Path.Combine(Path.GetDirectoryName(csv)!, "series.csv")));
            using var rows = command.ExecuteReader();
            while (rows.Read()) names[rows.GetString(0)] = rows.IsDBNull(1) ? "" : rows.GetString(1);
        }
        var seen = new HashSet<string>();
        long count = 0;
        using (var command = connection.CreateCommand())
        using (var series = connection.CreateAppender("series"))
        using (var observations = connection.CreateAppender("observations"))
        {
            command.CommandText = "SELECT series_code, series_name, domain, region_code, industry_code, frequency, period::DATE, value::DOUBLE, unit FROM read_csv($1, all_varchar = true)";
            command.Parameters.Add(new DuckDBParameter(csv));
            using var data = command.ExecuteReader();
            while (data.Read())
            {
                string? Text(int i) => data.IsDBNull(i) ? null : data.GetString(i);
                var id = SeriesKey.Compose(dataset, data.GetString(0), Text(3), Text(4));
                if (seen.Add(id))
                {
                    series.CreateRow().AppendValue(id).AppendValue(dataset).AppendValue(data.GetString(0)).AppendValue(data.GetString(1))
                        .AppendValue(names.GetValueOrDefault(data.GetString(0))).AppendValue(data.GetString(2)).AppendValue(Text(3)).AppendValue(Text(4))
                        .AppendValue(data.GetString(5)).AppendValue(Text(8)).AppendNullValue().AppendValue("notebook").AppendNullValue().AppendValue(false)
                        .AppendValue(DateTime.UtcNow).EndRow();
                }
                observations.CreateRow().AppendValue(id).AppendValue(DateOnly.FromDateTime(data.GetDateTime(6))).AppendValue(data.GetDouble(7))
                    .AppendValue(vintage).AppendNullValue().AppendValue(0L).EndRow();
                count++;
            }
        }
        return $"{dataset}: {note}; appended {count} observations of {seen.Count} series as one vintage ({vintage:yyyy-MM-dd})";
    }
}
