using System.Net;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Monitor.Core.Configuration;
using Monitor.Core.Store;
using Monitor.Ingest.Model;

namespace Monitor.Ingest.Sources;

/// <summary>
/// Downloads for HTTP sources: a conditional GET (If-None-Match / If-Modified-Since from the last response), back-off
/// on 429 and 5xx (Retry-After respected, capped), and refusal of HTML pages and truncated bodies. A body is written
/// beside its target and moved into place only when complete, so a failed download never replaces the cached file.
/// </summary>
public sealed class HttpFetcher(IngestHttpClient http, MonitorStore store, IOptions<IngestOptions> options, TimeProvider clock)
{
    /// <summary>
    /// One GET: the key its validators are kept under, the URL, where the body goes, the secret to keep out of messages,
    /// and whether a 404 means "nothing new" (SDMX answers an updatedAfter query without changes so).
    /// </summary>
    public sealed record Download(string Key, Uri Url, string Target, string? Secret = null, bool NotFoundIsNothingNew = false);

    /// <summary>What a GET sent at <paramref name="At"/> gave: a new body (with its validators), or nothing new (the target was left as it was).</summary>
    public sealed record Downloaded(Download Request, bool NotModified, string? ETag, string? LastModified, DateTimeOffset At);

    /// <summary>Fetches an <c>http</c> source's file into the cache folder; 304 keeps the cached file, which the writer then skips as unchanged.</summary>
    public async Task<string> FetchAsync(SourceOptions source, CancellationToken cancellationToken)
    {
        var url = new Uri(source.Location);
        var target = Path.Combine(CacheFolder(source), FileName(url));
        var downloaded = await GetAsync(new Download(source.Name, url, target), cancellationToken);
        SaveValidators(downloaded);
        return target;
    }

    /// <summary>The cache folder of a source (its name made safe for a path).</summary>
    public string CacheFolder(SourceOptions source) =>
        Path.Combine(MonitorPaths.Resolve(options.Value.CacheFolder), string.Concat(source.Name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_')));

    /// <summary>
    /// GETs one URL into <see cref="Download.Target"/>, conditionally when the target exists and validators are stored
    /// under the key. Validators are not saved here: the caller saves them once everything it downloads has arrived.
    /// </summary>
    public async Task<Downloaded> GetAsync(Download download, CancellationToken cancellationToken)
    {
        var cached = File.Exists(download.Target) ? Validators(download.Key) : null;
        var settings = options.Value.Http;
        for (var attempt = 1; ; attempt++)
        {
            var at = clock.GetUtcNow();
            using var request = new HttpRequestMessage(HttpMethod.Get, download.Url);
            if (cached?.ETag is { } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            if (cached?.LastModified is { } modified) request.Headers.TryAddWithoutValidation("If-Modified-Since", modified);
            string? retry;
            TimeSpan? wait = null;
            try
            {
                using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (response.StatusCode == HttpStatusCode.NotModified && cached is not null) return new Downloaded(download, true, cached.Value.ETag, cached.Value.LastModified, at);
                if (response.StatusCode == HttpStatusCode.NotFound && download.NotFoundIsNothingNew && File.Exists(download.Target)) return new Downloaded(download, true, cached?.ETag, cached?.LastModified, at);
                if (IsTransient(response.StatusCode))
                {
                    retry = $"answered {(int)response.StatusCode} {response.ReasonPhrase}";
                    wait = RetryAfter(response);
                }
                else
                {
                    if (!response.IsSuccessStatusCode) throw Rejected(download, $"answered {(int)response.StatusCode} {response.ReasonPhrase}{await ErrorText(response, cancellationToken)}");
                    await Save(download, response, cancellationToken);
                    return new Downloaded(download, false, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"), at);
                }
            }
            catch (HttpRequestException ex) when (ex.InnerException is IOException cut)
            {
                retry = $"sent a truncated body ({cut.Message.Split('.')[0]})";
            }
            catch (HttpRequestException ex)
            {
                retry = $"failed ({ex.Message.Split('.')[0]})";
            }
            catch (HttpIOException ex)
            {
                retry = $"sent a truncated body ({ex.Message.Split('.')[0]})";
            }
            var delay = wait ?? TimeSpan.FromSeconds(settings.FirstRetrySeconds * Math.Pow(2, attempt - 1));
            if (attempt >= settings.Attempts) throw Rejected(download, $"{retry}; gave up after {attempt} attempts");
            if (delay > TimeSpan.FromSeconds(settings.MaxRetryWaitSeconds))
                throw Rejected(download, $"{retry} and asked to wait {delay.TotalSeconds:0} s, more than Ingest:Http:MaxRetryWaitSeconds ({settings.MaxRetryWaitSeconds} s)");
            await Task.Delay(delay, clock, cancellationToken);
        }
    }

    /// <summary>Remembers the validators of a successful download, so that the next GET of that key is conditional.</summary>
    public void SaveValidators(Downloaded downloaded)
    {
        var url = Shown(downloaded.Request);
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO ingest_http_cache (source, url, etag, last_modified, fetched_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (source) DO UPDATE SET url = excluded.url, etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at
            """;
        foreach (var value in new object?[] { downloaded.Request.Key, url, downloaded.ETag, downloaded.LastModified, downloaded.At.UtcDateTime })
            command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
        command.ExecuteNonQuery();
    }

    /// <summary>When the last complete download of the key was asked for (for SDMX updatedAfter); null if never.</summary>
    public DateTime? LastFetched(string key)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT fetched_at FROM ingest_http_cache WHERE source = $1";
        command.Parameters.Add(new DuckDBParameter(key));
        return command.ExecuteScalar() is DateTime at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null;
    }

    private static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    // Retry-After is either seconds or an HTTP date; a date in the past means now.
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } header) return null;
        if (header.Delta is { } delta) return delta;
        if (header.Date is { } date) return date - clock.GetUtcNow() is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;
        return null;
    }

    private async Task Save(Download download, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType is "text/html" or "application/xhtml+xml")
            throw Rejected(download, $"answered an HTML page instead of data{await PageTitle(response, cancellationToken)}");
        Directory.CreateDirectory(Path.GetDirectoryName(download.Target)!);
        var partial = download.Target + ".part";
        long written;
        await using (var file = File.Create(partial))
        {
            await response.Content.CopyToAsync(file, cancellationToken);
            written = file.Length;
        }
        var expected = response.Content.Headers.ContentLength;
        if (expected is { } length && written != length)
        {
            File.Delete(partial);
            throw new HttpIOException(HttpRequestError.ResponseEnded, $"body ended after {written} of {length} bytes");
        }
        if (LooksLikeHtml(partial))
        {
            File.Delete(partial);
            throw Rejected(download, "answered an HTML page instead of data (the body starts with <html)");
        }
        File.Move(partial, download.Target, overwrite: true);
    }

    private static bool LooksLikeHtml(string path)
    {
        var head = new char[256];
        using var reader = new StreamReader(path);
        var text = new string(head, 0, reader.ReadBlock(head)).TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        return text.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> PageTitle(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await ErrorText(response, cancellationToken);
        var match = System.Text.RegularExpressions.Regex.Match(text, "<title>(.*?)</title>", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline);
        return match.Success ? $" (title: {match.Groups[1].Value.Trim()})" : "";
    }

    // The first few hundred characters of an error body: APIs say there why they refused (FRED: error_message).
    private static async Task<string> ErrorText(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return text.Length == 0 ? "" : ": " + (text.Length > 300 ? text[..300] + "…" : text);
        }
        catch (HttpRequestException)
        {
            return "";
        }
    }

    private static InputRejectedException Rejected(Download download, string reason) =>
        new(0, "http", Redact($"{Shown(download)} {reason}", download.Secret));

    /// <summary>The URL as it may be shown and stored: with the secret (an API key) replaced by ***.</summary>
    private static string Shown(Download download) => Redact(download.Url.ToString(), download.Secret);

    private static string Redact(string text, string? secret) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "***", StringComparison.Ordinal).Replace(Uri.EscapeDataString(secret), "***", StringComparison.Ordinal);

    private static string FileName(Uri url)
    {
        var name = Path.GetFileName(url.AbsolutePath);
        return string.IsNullOrWhiteSpace(name) ? "download" : name;
    }

    private (string? ETag, string? LastModified)? Validators(string key)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, last_modified FROM ingest_http_cache WHERE source = $1";
        command.Parameters.Add(new DuckDBParameter(key));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
    }
}

/// <summary>The one HttpClient of the ingest module (reused across runs, as HttpClient is meant to be).</summary>
public sealed class IngestHttpClient : IDisposable
{
    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromMinutes(5) };

    public void Dispose() => Client.Dispose();
}
