using System.Globalization;

namespace Monitor.Ingest.Sources.Api;

/// <summary>
/// SDMX REST: the source's Location is a <c>…/data/{flow}/{key}</c> URL (any agency). StartPeriod becomes startPeriod;
/// with UpdatedAfter the request asks only for what changed since the last complete download, and an answer of
/// "no results" (404) then means nothing new. The message (SDMX-ML, SDMX-JSON or SDMX-CSV, as the server chooses or
/// the URL's format parameter asks) is saved as data.xml/.json/.csv for the sdmx reader.
/// </summary>
public sealed class SdmxApiClient : IApiClient
{
    private const string File = "data";

    public string Format => "sdmx";

    public async Task<string> DownloadAsync(SourceOptions source, ApiPages pages, CancellationToken cancellationToken)
    {
        var since = source.UpdatedAfter ? pages.LastFetched(File) : null;
        var url = QueryString.With(source.Location,
            ("startPeriod", source.StartPeriod),
            ("updatedAfter", since?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        await pages.GetAsync(File, url, cancellationToken, notFoundIsNothingNew: since is not null);
        return File;
    }
}
