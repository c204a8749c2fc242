namespace Monitor.Ingest.Sources.Api;

/// <summary>
/// The files one run of an API source downloads. They go into a fresh folder beside the cache folder, each starting as
/// a copy of its cached version (so a 304 keeps it); only when every page has arrived does the folder replace the
/// cache and are the validators saved. A failed page therefore leaves the cache, the validators and the store as they were.
/// </summary>
public sealed class ApiPages
{
    private readonly HttpFetcher _fetcher;
    private readonly string _source;
    private readonly List<HttpFetcher.Downloaded> _downloads = [];

    internal ApiPages(HttpFetcher fetcher, string source, string cache, string staging, string? secret)
    {
        _fetcher = fetcher;
        _source = source;
        Cache = cache;
        Staging = staging;
        Secret = secret;
    }

    /// <summary>The folder of the last complete download (may not exist yet).</summary>
    public string Cache { get; }

    /// <summary>The folder this run downloads into.</summary>
    public string Staging { get; }

    /// <summary>The API key, kept out of messages and of the stored URL.</summary>
    public string? Secret { get; }

    /// <summary>True when every GET answered 304 (nothing new).</summary>
    public bool NothingNew => _downloads.All(d => d.NotModified);

    /// <summary>The path of a downloaded file in this run's folder.</summary>
    public string PathOf(string file) => Path.Combine(Staging, file);

    /// <summary>GETs one file of the answer (conditionally when a cached copy and its validators exist).</summary>
    public async Task<HttpFetcher.Downloaded> GetAsync(string file, Uri url, CancellationToken cancellationToken, bool notFoundIsNothingNew = false)
    {
        var cached = Path.Combine(Cache, file);
        if (File.Exists(cached)) File.Copy(cached, PathOf(file), overwrite: true);
        var downloaded = await _fetcher.GetAsync(new HttpFetcher.Download(Key(file), url, PathOf(file), Secret, notFoundIsNothingNew), cancellationToken);
        _downloads.Add(downloaded);
        return downloaded;
    }

    /// <summary>When this file was last downloaded completely (for SDMX updatedAfter); null when never or when its copy is gone.</summary>
    public DateTime? LastFetched(string file) => File.Exists(Path.Combine(Cache, file)) ? _fetcher.LastFetched(Key(file)) : null;

    /// <summary>A downloaded JSON file, refused with a clear reason when malformed or truncated.</summary>
    public System.Text.Json.JsonDocument Json(string file) => Readers.Text.JsonInput.Parse(PathOf(file));

    internal void SaveValidators()
    {
        foreach (var download in _downloads.Where(d => !d.NotModified)) _fetcher.SaveValidators(download);
    }

    private string Key(string file) => $"{_source}/{file}";
}
