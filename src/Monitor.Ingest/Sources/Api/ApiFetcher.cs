using Monitor.Ingest.Model;

namespace Monitor.Ingest.Sources.Api;

/// <summary>Runs the download of an <c>http-api</c> source: picks its API by Format, downloads into a fresh folder, swaps it in when complete.</summary>
public sealed class ApiFetcher(HttpFetcher fetcher, IEnumerable<IApiClient> clients)
{
    private readonly List<IApiClient> _clients = clients.ToList();

    /// <summary>The path the source's reader reads: the new download, or the cached one when nothing changed.</summary>
    public async Task<string> FetchAsync(SourceOptions source, CancellationToken cancellationToken)
    {
        var client = _clients.FirstOrDefault(c => c.Format.Equals(source.Format, StringComparison.OrdinalIgnoreCase))
            ?? throw new InputRejectedException(0, "format", $"an http-api source names its API in Format: {string.Join(", ", _clients.Select(c => c.Format))} (not '{source.Format}')");
        var cache = fetcher.CacheFolder(source);
        var staging = cache + ".part";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        var pages = new ApiPages(fetcher, source.Name, cache, staging, ApiKeys.Find(source, client.Format));
        try
        {
            var read = await client.DownloadAsync(source, pages, cancellationToken);
            if (pages.NothingNew && Directory.Exists(cache)) return Path.Combine(cache, read);
            if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
            Directory.Move(staging, cache);
            pages.SaveValidators();
            return Path.Combine(cache, read);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}

/// <summary>API keys: read from the environment variable the source names (FRED: FRED_API_KEY by default), never from configuration files.</summary>
internal static class ApiKeys
{
    public static string? Find(SourceOptions source, string format)
    {
        var variable = source.ApiKeyVariable ?? (format == FredApiClient.Name ? "FRED_API_KEY" : null);
        if (variable is null) return null;
        var key = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(key)
            ? throw new InputRejectedException(0, "api key", $"source '{source.Name}' needs an API key: set the environment variable {variable}")
            : key.Trim();
    }
}
