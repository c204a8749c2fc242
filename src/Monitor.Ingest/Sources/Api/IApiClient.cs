namespace Monitor.Ingest.Sources.Api;

/// <summary>
/// An HTTP API that a source of kind <c>http-api</c> reads. Its <see cref="Format"/> is also the name of the reader
/// of what it downloads, so a source names both with one setting.
/// </summary>
public interface IApiClient
{
    /// <summary>fred-api, nbs-query or sdmx.</summary>
    string Format { get; }

    /// <summary>Downloads the source's answer, every page of it, through <paramref name="pages"/>; returns the path (inside the download folder) its reader reads: "" for the folder itself.</summary>
    Task<string> DownloadAsync(SourceOptions source, ApiPages pages, CancellationToken cancellationToken);
}
