using System.Text.Json;
using System.Text.Json.Serialization;
using Monitor.Ingest.Model;

namespace Monitor.Ingest.Readers.Excel;

/// <summary>How the rows and columns of a bulletin's table are laid out.</summary>
public enum TableLayout
{
    /// <summary>Indicators down the rows, measures across (本月 / 1-本月累计 / 同比增长(%)).</summary>
    IndicatorsDown,

    /// <summary>Regions down the rows (全省, 各市), indicators across.</summary>
    RegionsDown,

    /// <summary>Indicators down the rows, periods across the columns.</summary>
    PeriodsAcross,

    /// <summary>Periods down the first column, one series per column (a simple table).</summary>
    PeriodsDown,
}

/// <summary>
/// The declarative mapping of a workbook source: which sheets, where the header is, what the rows and columns mean,
/// the unit and multiplier, and the code each indicator gets. Kept as JSON beside the workbook
/// (<c>monthly.mapping.json</c> for <c>monthly.xlsx</c>) or named by the source's <c>Mapping</c> setting.
/// </summary>
public sealed class ExcelMapping
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Sheet names to read ("*" at the end matches a prefix); empty means every sheet.</summary>
    public List<string> Sheets { get; set; } = [];

    public TableLayout Layout { get; set; } = TableLayout.IndicatorsDown;

    /// <summary>1-based rows holding the column headers (merged cells allowed); detected when empty.</summary>
    public List<int> HeaderRows { get; set; } = [];

    /// <summary>The column of the row labels (indicator or region), "A" by default.</summary>
    public string LabelColumn { get; set; } = "A";

    /// <summary>"auto" (title lines, then the sheet name), "sheet", "title", or a fixed period such as "2025-09".</summary>
    public string Period { get; set; } = "auto";

    /// <summary>D, W, T (ten-day), M, Q, S or A; when not given, the periods' own (2025年9月 is M, a date column is spaced).</summary>
    public string? Frequency { get; set; }

    public string? Domain { get; set; }

    /// <summary>The unit stored with every series; otherwise the sheet's unit line (单位：亿元).</summary>
    public string? Unit { get; set; }

    /// <summary>Every value is multiplied by this (10000 to turn 亿元 into 万元).</summary>
    public double Multiplier { get; set; } = 1;

    /// <summary>The region every series gets in layouts without a region column.</summary>
    public string? Region { get; set; }

    /// <summary>Row label → indicator code (labels compared without spaces and footnote marks).</summary>
    public Dictionary<string, string> Indicators { get; set; } = [];

    /// <summary>Column header → code suffix (indicators down) or indicator code (regions down); other columns are not read.</summary>
    public Dictionary<string, string> Columns { get; set; } = [];

    /// <summary>Row label → region code (regions down); province names are known without it.</summary>
    public Dictionary<string, string> Regions { get; set; } = [];

    /// <summary>"error" (default): a row label the mapping does not name rejects the file; "skip": such rows are not read.</summary>
    public string Unmapped { get; set; } = "error";

    /// <summary>The mapping file beside a workbook (monthly.mapping.json, or monthly.xlsx.mapping.json), or null.</summary>
    public static string? Beside(string workbook)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(workbook)) ?? ".";
        var candidates = new[] { Path.GetFileNameWithoutExtension(workbook) + ".mapping.json", Path.GetFileName(workbook) + ".mapping.json" };
        return candidates.Select(c => Path.Combine(folder, c)).FirstOrDefault(File.Exists);
    }

    /// <summary>Reads a mapping file; a bad one rejects the input with the JSON position.</summary>
    public static ExcelMapping Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ExcelMapping>(File.ReadAllText(path), Json) ?? new ExcelMapping();
        }
        catch (JsonException ex)
        {
            throw new InputRejectedException((ex.LineNumber ?? -1) + 1, "mapping", $"{Path.GetFileName(path)}: {ex.Message.Split('.')[0]}");
        }
    }

    /// <summary>Whether the mapping reads a sheet of that name.</summary>
    public bool ReadsSheet(string name) =>
        Sheets.Count == 0 || Sheets.Any(s => s.EndsWith('*') ? name.StartsWith(s[..^1], StringComparison.Ordinal) : s == name);
}
