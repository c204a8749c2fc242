using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Monitor.Core.Configuration;
using Monitor.Core.Store;
using Monitor.Ingest.Model;

namespace Monitor.Ingest.Sources;

/// <summary>
/// Downloads an HTTP source into the cache folder with a conditional GET (If-None-Match / If-Modified-Since from the
/// last response); a 304 keeps the cached file, which the writer then skips as unchanged.
/// </summary>
public sealed class HttpFetcher(IngestHttpClient http, MonitorStore store, IOptions<IngestOptions> options, TimeProvider clock)
{
    public async Task<string> FetchAsync(SourceOptions source, CancellationToken cancellationToken)
    {
        var url = new Uri(source.Location);
        var target = CachePath(source, url);
        var cached = File.Exists(target) ? Validators(source.Name) : null;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cached?.ETag is { } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (cached?.LastModified is { } modified) request.Headers.TryAddWithoutValidation("If-Modified-Since", modified);

        using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotModified && cached is not null) return target;
        if (!response.IsSuccessStatusCode)
            throw new InputRejectedException(0, "http", $"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}");

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".part";
        await using (var file = File.Create(partial))
            await response.Content.CopyToAsync(file, cancellationToken);
        File.Move(partial, target, overwrite: true);
        SaveValidators(source.Name, url, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
        return target;
    }

    private string CachePath(SourceOptions source, Uri url)
    {
        var name = Path.GetFileName(url.AbsolutePath);
        if (string.IsNullOrWhiteSpace(name)) name = "download";
        var folder = Path.Combine(MonitorPaths.Resolve(options.Value.CacheFolder), string.Concat(source.Name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_')));
        return Path.Combine(folder, name);
    }

    private (string? ETag, string? LastModified)? Validators(string source)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, last_modified FROM ingest_http_cache WHERE source = $1";
        command.Parameters.Add(new DuckDBParameter(source));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
    }

    private void SaveValidators(string source, Uri url, string? etag, string? lastModified)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO ingest_http_cache (source, url, etag, last_modified, fetched_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (source) DO UPDATE SET url = excluded.url, etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at
            """;
        foreach (var value in new object?[] { source, url.ToString(), etag, lastModified, clock.GetUtcNow().UtcDateTime })
            command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
        command.ExecuteNonQuery();
    }
}

/// <summary>The one HttpClient of the ingest module (reused across runs, as HttpClient is meant to be).</summary>
public sealed class IngestHttpClient : IDisposable
{
    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromMinutes(5) };

    public void Dispose() => Client.Dispose();
}
