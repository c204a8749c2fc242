using Microsoft.Extensions.Options;
using Monitor.Core.Configuration;
using Monitor.Ingest.Model;
using Monitor.Ingest.Readers;

namespace Monitor.Ingest.Sources;

/// <summary>Runs one configured source now: fetches it when it is remote, then ingests it as a new vintage.</summary>
public sealed class SourceRunner(FileIngestor ingestor, HttpFetcher fetcher, IOptions<IngestOptions> options)
{
    public IReadOnlyList<SourceOptions> Sources => options.Value.Sources;

    public async Task<IngestResult> RunAsync(string name, CancellationToken cancellationToken)
    {
        var source = options.Value.Find(name) ?? throw new ArgumentException($"no ingest source named '{name}' (configured: {string.Join(", ", Sources.Select(s => s.Name))})", nameof(name));
        return await RunAsync(source, cancellationToken);
    }

    public async Task<IngestResult> RunAsync(SourceOptions source, CancellationToken cancellationToken)
    {
        var path = source.Kind.Equals("http", StringComparison.OrdinalIgnoreCase)
            ? await fetcher.FetchAsync(source, cancellationToken)
            : MonitorPaths.ResolveInput(source.Location);
        var defaults = new SourceDefaults(source.Domain, source.RegionCode, source.IndustryCode, source.Country);
        return ingestor.Ingest(new FileIngestor.Request(source.Name, path, source.Dataset, source.Format, defaults, source.Encoding,
            Quarantine: source.OnBadRows.Equals("quarantine", StringComparison.OrdinalIgnoreCase),
            Mapping: source.Mapping is null ? null : MonitorPaths.Resolve(source.Mapping)), cancellationToken);
    }
}
