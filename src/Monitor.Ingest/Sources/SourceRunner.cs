using Microsoft.Extensions.Options;
using Monitor.Core.Configuration;
using Monitor.Ingest.Model;
using Monitor.Ingest.Readers;
using Monitor.Ingest.Sources.Api;

namespace Monitor.Ingest.Sources;

/// <summary>Runs one configured source now: downloads it when it is remote (http file or http-api), then ingests it as a new vintage.</summary>
public sealed class SourceRunner(FileIngestor ingestor, HttpFetcher fetcher, ApiFetcher apis, IOptions<IngestOptions> options)
{
    public IReadOnlyList<SourceOptions> Sources => options.Value.Sources;

    public async Task<IngestResult> RunAsync(string name, CancellationToken cancellationToken)
    {
        var source = options.Value.Find(name) ?? throw new ArgumentException($"no ingest source named '{name}' (configured: {string.Join(", ", Sources.Select(s => s.Name))})", nameof(name));
        return await RunAsync(source, cancellationToken);
    }

    public async Task<IngestResult> RunAsync(SourceOptions source, CancellationToken cancellationToken)
    {
        var request = new FileIngestor.Request(source.Name, source.Location, source.Dataset, source.Format,
            new SourceDefaults(source.Domain, source.RegionCode, source.IndustryCode, source.Country), source.Encoding,
            Quarantine: source.OnBadRows.Equals("quarantine", StringComparison.OrdinalIgnoreCase),
            Mapping: source.Mapping is null ? null : MonitorPaths.Resolve(source.Mapping));
        string path;
        try
        {
            path = source.Kind.ToLowerInvariant() switch
            {
                "http" => await fetcher.FetchAsync(source, cancellationToken),
                "http-api" => await apis.FetchAsync(source, cancellationToken),
                _ => MonitorPaths.ResolveInput(source.Location),
            };
        }
        catch (InputRejectedException ex)
        {
            // Nothing downloaded replaces the cache and nothing is loaded; the run is recorded with the reason.
            return ingestor.Reject(request, ex, cancellationToken);
        }
        return ingestor.Ingest(request with { Path = path }, cancellationToken);
    }
}
