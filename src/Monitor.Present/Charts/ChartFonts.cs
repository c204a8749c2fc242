using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitor.Present.Charts;

/// <summary>
/// Decides once which font charts use. ScottPlot's headless build draws Chinese as boxes unless a CJK font is set by name,
/// so a font file is registered explicitly; without one, charts fall back to English labels and the app says so.
/// </summary>
public sealed class ChartFonts
{
    /// <summary>The family name under which the CJK font file is registered with ScottPlot.</summary>
    public const string CjkFamily = "Monitor CJK";

    private static readonly Lock Registration = new();

    public ChartFonts(IOptions<ChartOptions> options, ILogger<ChartFonts> logger)
        : this(options.Value, logger)
    {
    }

    public ChartFonts(ChartOptions options, ILogger? logger = null)
    {
        FontFile = FindFontFile(options);
        if (FontFile is null)
        {
            logger?.LogWarning("no CJK font found (tried {Candidates}); charts use English labels. Install fonts-wqy-microhei or set Charts:CjkFontFile",
                string.Join(", ", Candidates(options)));
            return;
        }
        lock (Registration) ScottPlot.Fonts.AddFontFile(CjkFamily, FontFile);
        logger?.LogInformation("charts use the CJK font {FontFile}", FontFile);
    }

    /// <summary>The CJK font file in use, or null when none was found.</summary>
    public string? FontFile { get; }

    /// <summary>Whether Chinese labels can be drawn; when false every chart is labelled in English.</summary>
    public bool ChineseAvailable => FontFile is not null;

    /// <summary>The language charts are actually labelled in for a requested language.</summary>
    public string EffectiveLanguage(string requested) => requested == "zh" && ChineseAvailable ? "zh" : "en";

    /// <summary>Sets the font of every label of <paramref name="plot"/>.</summary>
    public void Apply(ScottPlot.Plot plot)
    {
        if (ChineseAvailable) plot.Font.Set(CjkFamily);
    }

    private static string? FindFontFile(ChartOptions options) => Candidates(options).FirstOrDefault(File.Exists);

    private static IEnumerable<string> Candidates(ChartOptions options) =>
        string.IsNullOrWhiteSpace(options.CjkFontFile) ? options.CjkFontCandidates : [options.CjkFontFile];
}
