using Microsoft.Extensions.Options;
using Monitor.Ingest.Sources;
using Monitor.Ingest.Sources.Api;

namespace Monitor.Ingest.Tests.Sources.Api;

/// <summary>An ingest store with the configured API sources, the real fetchers and clients, and delays that are recorded, not waited.</summary>
internal sealed class ApiHarness : IDisposable
{
    private readonly IngestHttpClient _http = new();

    public ApiHarness(params SourceOptions[] sources)
    {
        Options = new IngestOptions { Sources = [.. sources], CacheFolder = Path.Combine(Ingest.Folder, "cache") };
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        Fetcher = new HttpFetcher(_http, Ingest.Store, options, Delays);
        Runner = new SourceRunner(Ingest.Ingestor, Fetcher, new ApiFetcher(Fetcher, [new FredApiClient(), new SdmxApiClient(), new NbsQueryClient()]), options);
    }

    public IngestHarness Ingest { get; } = new();

    public IngestOptions Options { get; }

    public RecordedDelays Delays { get; } = new();

    public HttpFetcher Fetcher { get; }

    public SourceRunner Runner { get; }

    public Task<Model.IngestResult> Run(string name) => Runner.RunAsync(name, CancellationToken.None);

    /// <summary>Every cached file of a source with its bytes, to prove a failed download left the cache alone.</summary>
    public string CacheFingerprint(string source)
    {
        var folder = Path.Combine(Options.CacheFolder, source);
        return Directory.Exists(folder)
            ? string.Join("|", Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => $"{Path.GetFileName(f)}={File.ReadAllText(f).GetHashCode(StringComparison.Ordinal)}"))
            : "(none)";
    }

    public void Dispose()
    {
        _http.Dispose();
        Ingest.Dispose();
    }
}
