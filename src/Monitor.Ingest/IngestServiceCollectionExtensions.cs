using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Core;
using Monitor.Core.Cli;
using Monitor.Core.Jobs;
using Monitor.Ingest.Cli;
using Monitor.Ingest.Derive;
using Monitor.Ingest.Readers;
using Monitor.Ingest.Sources;
using Monitor.Ingest.Sources.Api;
using Monitor.Ingest.Store;
using Monitor.Ingest.Uploads;
using Monitor.Ingest.Vintage;

namespace Monitor.Ingest;

/// <summary>Registers the ingest module: its options, readers, writer, one job per configured source, the CLI verb and its schema.</summary>
public static class IngestServiceCollectionExtensions
{
    public static IServiceCollection AddMonitorIngest(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(IngestOptions.Section);
        services.AddOptions<IngestOptions>().Bind(section);
        services.AddSchema(IngestSchema.Scripts);
        services.TryAddSingleton(TimeProvider.System);
        foreach (var reader in IngestReaders.All()) services.AddSingleton(reader);
        services.TryAddSingleton<ReaderCatalog>();
        services.TryAddSingleton<VintageWriter>();
        services.TryAddSingleton<FileIngestor>();
        services.TryAddSingleton<IngestHttpClient>();
        services.TryAddSingleton<HttpFetcher>();
        services.AddSingleton<IApiClient, FredApiClient>();
        services.AddSingleton<IApiClient, SdmxApiClient>();
        services.AddSingleton<IApiClient, NbsQueryClient>();
        services.TryAddSingleton<ApiFetcher>();
        services.TryAddSingleton<SourceRunner>();
        services.TryAddSingleton<SeriesDeriver>();
        services.AddOptions<UploadOptions>().Bind(configuration.GetSection(UploadOptions.Section));
        services.TryAddSingleton<UploadStore>();
        services.TryAddSingleton<UploadPreview>();
        services.TryAddTransient<UploadIngestJob>();
        services.AddCliVerb<IngestCommand>();
        services.AddCliVerb<DeriveCommand>();

        // One job per source, known at start-up so that the job registrar can schedule each.
        var sources = section.Get<IngestOptions>()?.Sources ?? [];
        foreach (var source in sources.Where(s => !string.IsNullOrWhiteSpace(s.Name)))
            services.AddSingleton<IMonitorJob>(sp => new IngestSourceJob(source, sp.GetRequiredService<SourceRunner>()));
        return services;
    }
}
