using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.Core;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Forecast;
using Monitor.Forecast.Store;
using Monitor.Jobs;
using Npgsql;

namespace ScaleBench;

/// <summary>
/// Real processes for scale-out runs: a store owner (this process: the store, the forecast stage and a Hangfire server on
/// the owner queue) and shard workers (child processes running <see cref="Monitor.Web.Scale.WorkerHost"/>), all on one
/// PostgreSQL job storage and one shard folder. Used by ScaleBench and by the multi-process tests.
/// </summary>
public sealed class ScaleHarness(string postgres, string schema, string shardRoot, string codeVersion = "", string invisibility = "00:05:00")
{
    /// <summary>Configuration shared by owner and workers (the job storage schema keeps runs of tests apart).</summary>
    public Dictionary<string, string?> Settings(string role) => new()
    {
        ["JobStorage:Kind"] = "postgres",
        ["JobStorage:ConnectionString"] = postgres,
        ["JobStorage:Schema"] = schema,
        ["JobStorage:WorkerCount"] = "1",
        ["JobStorage:PollInterval"] = "00:00:01",
        ["JobStorage:InvisibilityTimeout"] = invisibility,
        ["Scale:Role"] = role,
        ["Scale:ShardRoot"] = shardRoot,
        ["Forecast:Threads"] = "1",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>The store owner as a host in this process (started by the caller), with the forecast, warn and nowcast-evaluation stages.</summary>
    /// <param name="settings">More configuration (e.g. the warn stage's composites).</param>
    /// <param name="clock">The owner's clock (default: the system's), so a test can compare time stamps with an embedded run's.</param>
    public IHost Owner(string database, int shards, int planSample = 5000, bool keepFiles = false, IEnumerable<KeyValuePair<string, string?>>? settings = null, TimeProvider? clock = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.AddInMemoryCollection(Settings(ScaleRoles.Owner));
        builder.Configuration.AddInMemoryCollection([
            new("Store:Path", database), new("Scale:Shards", shards.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Scale:PlanSample", planSample.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Scale:KeepFiles", keepFiles ? "true" : "false"),
        ]);
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        if (clock is not null) builder.Services.AddSingleton(clock);
        builder.Services.AddMonitorStore(builder.Configuration);
        builder.Services.AddMonitorForecast(builder.Configuration);
        builder.Services.AddMonitorWarn(builder.Configuration);
        builder.Services.AddSchema(Monitor.Nowcast.NowcastServiceCollectionExtensions.Schema);
        Monitor.Nowcast.NowcastServiceCollectionExtensions.AddNowcastEvaluationShards(builder.Services);
        builder.Services.AddMonitorJobs(builder.Configuration);
        return builder.Build();
    }

    /// <summary>Starts a worker process: this program with "worker" and the shared settings.</summary>
    public Process StartWorker(string name)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(ScaleHarness).Assembly.Location);
        start.ArgumentList.Add("worker");
        foreach (var (key, value) in Settings(ScaleRoles.Worker)) start.ArgumentList.Add($"--{key}={value}");
        // Workstation GC: one worker thread needs no heap and GC thread per core (Monitor.Web's default is server GC);
        // SCALEBENCH_WORKER_GC=server measures the default.
        start.Environment["DOTNET_gcServer"] = Environment.GetEnvironmentVariable("SCALEBENCH_WORKER_GC") == "server" ? "1" : "0";
        start.Environment["WORKER_NAME"] = name;
        if (codeVersion.Length > 0) start.Environment["MONITOR_CODE_VERSION"] = codeVersion;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine($"[{name}] {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits until the latest sharded run has ended (merged or failed); returns its status and message.</summary>
    /// <remarks>
    /// The status and message are read again in a fresh query once the run has ended: on CI a read made in the instant
    /// the owner's UPDATE committed once returned the right status with a one-letter message ("G") although the row held
    /// the full reason. We suspect DuckDB reading an updated string while the update is cleaned up (not pinned down), so
    /// the values returned are the settled row's, not the first glimpse of it.
    /// </remarks>
    public static async Task<(string Status, string? Message)> WaitForRun(MonitorStore store, TimeSpan timeout, Func<bool>? keepWaiting = null)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (LatestRun(store) is { Status: "merged" or "failed" } && keepWaiting?.Invoke() != true)
            {
                await Task.Delay(200);
                return LatestRun(store)!.Value;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"no sharded run ended within {timeout}");
    }

    private static (string Status, string? Message)? LatestRun(MonitorStore store)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, message FROM scale_runs ORDER BY run_id DESC LIMIT 1";
        using var r = command.ExecuteReader();
        return r.Read() ? (r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)) : null;
    }

    public static async Task<bool> CanConnect(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            return false;
        }
    }

    public async Task CreateSchema()
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {schema}", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DropSchema()
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
