using System.CommandLine;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Monitor.Core.Cli;
using Monitor.Core.Store;

namespace Monitor.Cli.Backup;

/// <summary>
/// <c>monitor backup --out DIR</c>: a consistent copy of the store. When no host runs, the command line owns the store and
/// exports it; when the running host holds it, the host does it (POST /api/v1/admin/backup with an admin's API key).
/// </summary>
internal sealed class BackupCommand(MonitorStore store, TimeProvider clock, IConfiguration configuration) : ICliVerb
{
    public const string KeyVariable = "MONITOR_API_KEY";

    public static Command Define() => new("backup", "a consistent copy of the store (through the running host when it holds the store)")
    {
        new Option<string>("--out") { Required = true, Description = "the folder to write", HelpName = "DIR" },
        new Option<string>("--url") { Description = "the running host (default: the first of Urls)", HelpName = "URL" },
        new Option<string>("--key") { Description = $"an admin's API key for the running host (default: ${KeyVariable})", HelpName = "KEY" },
    };

    public async Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(args.Required("out"));
        var url = args.Get("url");
        var key = args.Get("key") ?? Environment.GetEnvironmentVariable(KeyVariable);
        try
        {
            store.EnsureOpen();
        }
        catch (StoreUnavailableException) when (key is not null)
        {
            return await ThroughHost(folder, url ?? HostAddress(), key, output, cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            throw new StoreUnavailableException($"{ex.Message}; to back up a running host, pass --key (an admin's API key) or set {KeyVariable}", ex);
        }
        var manifest = StoreBackup.Export(store, folder, clock);
        await output.WriteLineAsync($"backup of {store.DatabasePath} written to {folder}: {manifest.Tables.Count} tables, {manifest.Tables.Values.Sum()} rows");
        return 0;
    }

    private async Task<int> ThroughHost(string folder, string url, string key, TextWriter output, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var response = await client.PostAsJsonAsync("/api/v1/admin/backup", new { folder }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            await Console.Error.WriteLineAsync($"monitor backup: the host at {url} answered {(int)response.StatusCode}: {body}");
            return 1;
        }
        await output.WriteLineAsync($"backup written by the host at {url} to {folder}: {body}");
        return 0;
    }

    private string HostAddress() =>
        (configuration["Urls"] ?? "http://127.0.0.1:5080").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
}
