using Monitor.Core.Text;
using Monitor.Ingest.Model;
using Monitor.Ingest.Readers.Text;

namespace Monitor.Ingest.Readers.Long;

/// <summary>The extra catalogue columns of a dataset's series.csv (Chinese name, transform code, country), keyed like a series.</summary>
internal sealed class SeriesMetadata
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>What series.csv adds to a series.</summary>
    public sealed record Entry(string? NameZh, string? Transform, string? Country, bool? CounterCyclical);

    public static SeriesMetadata Empty { get; } = new();

    public static string Key(string code, string? region, string? industry, string frequency) => $"{code}\u001f{region}\u001f{industry}\u001f{frequency}";

    public Entry? Find(string key) => _entries.GetValueOrDefault(key);

    /// <summary>Loads series.csv beside the observations, if there is one; a malformed one rejects the input.</summary>
    public static SeriesMetadata Load(string path, string? encoding)
    {
        if (!File.Exists(path)) return Empty;
        var result = new SeriesMetadata();
        using var text = TextInput.Open(path, encoding);
        var csv = new CsvLineReader(text);
        if (!csv.Read()) return result;
        var header = Header.Of(csv);
        var code = header.Require("series_code", "series.csv");
        var frequency = header.Require("frequency", "series.csv");
        var (region, industry) = (header.Optional("region_code"), header.Optional("industry_code"));
        var (nameZh, transform, country) = (header.Optional("name_zh"), header.Optional("transform_code"), header.Optional("country"));
        var counterCyclical = header.Optional("counter_cyclical");
        while (csv.Read())
        {
            if (csv.IsBlank()) continue;
            if (csv.Count != header.Count) throw new InputRejectedException(csv.Line, "series.csv", $"series.csv line {csv.Line} has {csv.Count} fields, expected {header.Count}");
            var key = Key(csv.Text(code), Cell(csv, region), Cell(csv, industry), csv.Text(frequency).Trim());
            result._entries[key] = new Entry(Cell(csv, nameZh), Cell(csv, transform), Cell(csv, country), Flag(csv, counterCyclical));
        }
        return result;
    }

    /// <summary>The optional counter_cyclical column (true/false); counter-cyclical indicators have their signal lights flipped.</summary>
    private static bool? Flag(CsvLineReader csv, int index) => Cell(csv, index)?.ToUpperInvariant() switch
    {
        null => null,
        "TRUE" or "1" or "YES" => true,
        "FALSE" or "0" or "NO" => false,
        var other => throw new InputRejectedException(csv.Line, "counter_cyclical", $"series.csv line {csv.Line}: counter_cyclical '{other}' is not true or false"),
    };

    private static string? Cell(CsvLineReader csv, int index) => index < 0 ? null : Cells.NullIfEmpty(csv[index]);
}
