namespace Monitor.Ingest.Sources;

/// <summary>The "Ingest" configuration section: the named sources, each a scheduled job.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    public List<SourceOptions> Sources { get; set; } = [];

    /// <summary>Folder (relative to MonitorPaths.Home) where HTTP sources keep their last download.</summary>
    public string CacheFolder { get; set; } = "data/ingest-cache";

    public SourceOptions? Find(string name) => Sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One source: where its file is, how to read it, which catalogue defaults apply, and when to fetch it.</summary>
public sealed class SourceOptions
{
    public string Name { get; set; } = "";

    /// <summary>"file" (absolute, or relative to the application's folder for shipped files such as data-samples/, else to MonitorPaths.Home) or "http" (a URL).</summary>
    public string Kind { get; set; } = "file";

    public string Location { get; set; } = "";

    /// <summary>"auto" (detect) or a reader name: long, fred-md, fred-qd, date-panel, nbs, cn-indicators, parquet, json, excel.</summary>
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

    /// <summary>"reject" (default: any bad row rejects the whole file) or "quarantine" (bad rows go to ingest_quarantine, the rest loads).</summary>
    public string OnBadRows { get; set; } = "reject";
}
