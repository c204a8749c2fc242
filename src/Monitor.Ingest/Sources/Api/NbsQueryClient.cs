namespace Monitor.Ingest.Sources.Api;

/// <summary>
/// The NBS data portal's QueryData call: the source's Location is the whole easyquery.htm?m=QueryData&amp;dbcode=…&amp;
/// rowcode=…&amp;colcode=…&amp;wds=…&amp;dfwds=… URL, as the portal's own page sends it. One answer, no paging, no key.
/// </summary>
public sealed class NbsQueryClient : IApiClient
{
    private const string File = "querydata.json";

    public string Format => "nbs-query";

    public async Task<string> DownloadAsync(SourceOptions source, ApiPages pages, CancellationToken cancellationToken)
    {
        await pages.GetAsync(File, new Uri(source.Location), cancellationToken);
        return File;
    }
}
