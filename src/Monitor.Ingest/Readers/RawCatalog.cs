using Monitor.Core.Text;
using Monitor.Ingest.Model;
using Monitor.Ingest.Readers.Long;
using Monitor.Ingest.Readers.Text;

namespace Monitor.Ingest.Readers;

/// <summary>
/// For a publisher file kept under a dataset's raw/ folder: the dataset's series.csv says which series each column
/// became (code, English name, domain, region, unit …). Raw files read this way land on the same series ids as the
/// tidy layout; a file without one falls back to codes made from its own labels.
/// </summary>
internal sealed class RawCatalog
{
    private readonly List<Row> _rows;

    private RawCatalog(List<Row> rows) => _rows = rows;

    /// <summary>One series.csv row, with the file and column it came from.</summary>
    public sealed record Row(string SourceFile, string SourceColumn, SeriesSpec Spec);

    public static RawCatalog Near(string rawFile)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(rawFile));
        var seriesFile = folder is null ? null : Path.Combine(Path.GetDirectoryName(folder) ?? folder, "series.csv");
        if (seriesFile is null || Path.GetFileName(folder) != "raw" || !File.Exists(seriesFile)) return new RawCatalog([]);
        return new RawCatalog(Load(seriesFile, Path.GetFileName(rawFile)));
    }

    /// <summary>The series a column became, when exactly one series.csv row names it.</summary>
    public SeriesSpec? Find(string column)
    {
        SeriesSpec? found = null;
        foreach (var row in _rows)
        {
            if (row.SourceColumn != column) continue;
            if (found is not null) return null;
            found = row.Spec;
        }
        return found;
    }

    /// <summary>The series code every row of this file shares (panels whose columns are regions), if there is one.</summary>
    public SeriesSpec? Single() => _rows.Select(r => r.Spec.Code).Distinct().Count() == 1 ? _rows[0].Spec : null;

    private static List<Row> Load(string path, string rawFileName)
    {
        using var text = TextInput.Open(path, null);
        var csv = new CsvLineReader(text);
        if (!csv.Read()) return [];
        var h = Header.Of(csv);
        int At(string name) => h.Optional(name);
        var (file, column) = (At("source_file"), At("source_column"));
        if (file < 0 || column < 0 || At("series_code") < 0) return [];
        var rows = new List<Row>();
        while (csv.Read())
        {
            if (csv.Count != h.Count || Path.GetFileName(csv.Text(file)) != rawFileName) continue;
            string? Cell(string name) => At(name) is var i and >= 0 ? Cells.NullIfEmpty(csv[i]) : null;
            var spec = new SeriesSpec(Cell("series_code")!, Cell("series_name") ?? Cell("series_code")!, Cell("domain") ?? "", Cell("frequency") ?? "",
                Cell("region_code"), Cell("industry_code"), Cell("name_zh"), Cell("unit"), Cell("transform_code"), Cell("country"));
            rows.Add(new Row(rawFileName, csv.Text(column), spec));
        }
        return rows;
    }
}
