namespace Monitor.Ingest.Sources;

/// <summary>The "Ingest" configuration section: the named sources, each a scheduled job.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    public List<SourceOptions> Sources { get; set; } = [];

    /// <summary>Folder (relative to MonitorPaths.Home) where HTTP sources keep their last download.</summary>
    public string CacheFolder { get; set; } = "data/ingest-cache";

    /// <summary>How HTTP downloads retry and give up.</summary>
    public HttpRetryOptions Http { get; set; } = new();

    public SourceOptions? Find(string name) => Sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One source: where its file is, how to read it, which catalogue defaults apply, and when to fetch it.</summary>
public sealed class SourceOptions
{
    public string Name { get; set; } = "";

    /// <summary>
    /// "file" (absolute, or relative to the application's folder for shipped files such as data-samples/, else to
    /// MonitorPaths.Home), "http" (a URL of a file) or "http-api" (an API endpoint; Format names the API: fred-api,
    /// nbs-query or sdmx; see docs/sources.md).
    /// </summary>
    public string Kind { get; set; } = "file";

    public string Location { get; set; } = "";

    /// <summary>"auto" (detect) or a reader name: long, fred-md, fred-qd, date-panel, nbs, cn-indicators, parquet, json, excel, sdmx, fred-api, nbs-query.</summary>
    public string Format { get; set; } = "auto";

    /// <summary>Dataset prefix of the series ids; defaults to the folder name of the location.</summary>
    public string? Dataset { get; set; }

    public string? Domain { get; set; }

    public string? RegionCode { get; set; }

    public string? IndustryCode { get; set; }

    /// <summary>Country (ISO code, e.g. CN) of the source's series when its catalogue names none: the series' economy.</summary>
    public string? Country { get; set; }

    /// <summary>A workbook mapping file (JSON, see docs/sources.md); by default the one beside the workbook, if any.</summary>
    public string? Mapping { get; set; }

    /// <summary>"auto", "utf-8", "gb18030", "windows-1252".</summary>
    public string? Encoding { get; set; }

    /// <summary>Cron (5 or 6 fields); null for a source that only runs when asked.</summary>
    public string? Cron { get; set; }

    public string TimeZone { get; set; } = "Asia/Shanghai";

    public bool Enabled { get; set; } = true;

    /// <summary>http-api: the environment variable that holds the API key (FRED: FRED_API_KEY by default). Keys never go in configuration files.</summary>
    public string? ApiKeyVariable { get; set; }

    /// <summary>http-api: the first period asked for (FRED observation_start, SDMX startPeriod), e.g. "2000-01-01" or "2000-01".</summary>
    public string? StartPeriod { get; set; }

    /// <summary>http-api sdmx: ask only for what changed since the last successful download (updatedAfter).</summary>
    public bool UpdatedAfter { get; set; }

    /// <summary>http-api fred-api: the real-time period (ALFRED); with it every returned row is stored as the vintage it was.</summary>
    public string? RealtimeStart { get; set; }

    /// <inheritdoc cref="RealtimeStart"/>
    public string? RealtimeEnd { get; set; }

    /// <summary>http-api fred-api: observations per page (FRED allows at most 100000).</summary>
    public int PageSize { get; set; } = 100_000;

    /// <summary>"reject" (default: any bad row rejects the whole file) or "quarantine" (bad rows go to ingest_quarantine, the rest loads).</summary>
    public string OnBadRows { get; set; } = "reject";
}

/// <summary>The "Ingest:Http" section: retries of HTTP downloads on 429, 5xx, broken connections and truncated bodies.</summary>
public sealed class HttpRetryOptions
{
    /// <summary>Attempts in all, the first included.</summary>
    public int Attempts { get; set; } = 5;

    /// <summary>Wait before the first retry when the server gives no Retry-After; doubled for each further one.</summary>
    public double FirstRetrySeconds { get; set; } = 2;

    /// <summary>A Retry-After longer than this fails the run instead of holding the job.</summary>
    public int MaxRetryWaitSeconds { get; set; } = 300;
}
