namespace Monitor.Present.Charts;

/// <summary>Chart settings bound from the "Charts" section: where to find a CJK font, and the cache size.</summary>
public sealed class ChartOptions
{
    public const string Section = "Charts";

    /// <summary>A font file with Chinese glyphs to use; when empty the usual system locations are searched.</summary>
    public string? CjkFontFile { get; set; }

    /// <summary>Font files tried in order when <see cref="CjkFontFile"/> is empty (Debian fonts-wqy-microhei first).</summary>
    public List<string> CjkFontCandidates { get; set; } =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ];

    /// <summary>
    /// How long a reading of the store's change token is trusted before the store is asked again. Jobs finish minutes apart,
    /// so half a second of lag is invisible to readers and saves a query on every page under load; 0 asks every time.
    /// </summary>
    public int ChangeCheckMilliseconds { get; set; } = 500;

    /// <summary>How many rendered charts are kept in memory.</summary>
    public int CacheEntries { get; set; } = 2000;
}
