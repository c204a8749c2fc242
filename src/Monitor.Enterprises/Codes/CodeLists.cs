using DuckDB.NET.Data;
using Monitor.Core.Text;

namespace Monitor.Enterprises.Codes;

/// <summary>One entry of a shipped code list: its code, level, Chinese name and the code one level up.</summary>
public sealed record CodeEntry(string Code, string Level, string Name, string Parent);

/// <summary>
/// The code lists shipped with the module as embedded CSV: GB/T 2260 divisions (province, city, county; NBS 2023) and
/// GB/T 4754-2017 sections and divisions. Their sources are stated at the top of each file.
/// </summary>
public sealed class CodeLists
{
    private CodeLists(IReadOnlyList<CodeEntry> regions, IReadOnlyList<CodeEntry> industries)
    {
        Regions = regions;
        Industries = industries;
        RegionNames = regions.ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
        IndustryNames = industries.ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
    }

    /// <summary>The lists, read once from the assembly.</summary>
    public static CodeLists Shipped { get; } = new(Read("divisions.csv"), Read("industries.csv"));

    public IReadOnlyList<CodeEntry> Regions { get; }

    public IReadOnlyList<CodeEntry> Industries { get; }

    public IReadOnlyDictionary<string, string> RegionNames { get; }

    public IReadOnlyDictionary<string, string> IndustryNames { get; }

    /// <summary>The Chinese name of a province ("11"), city ("1101") or county ("110101") code, if known.</summary>
    public string? RegionName(string code) =>
        RegionNames.GetValueOrDefault(code.Length switch { 2 => code + "0000", 4 => code + "00", _ => code });

    /// <summary>The Chinese name of a section ("C") or a division ("C13" or "13"), if known.</summary>
    public string? IndustryName(string code) =>
        IndustryNames.GetValueOrDefault(code.Length == 3 ? code[1..] : code);

    /// <summary>Copies both lists into temporary tables of <paramref name="connection"/> for set-wise checks and roll-ups.</summary>
    public void CopyTo(DuckDBConnection connection)
    {
        foreach (var (table, entries) in new[] { ("enterprise_region_codes", Regions), ("enterprise_industry_codes", Industries) })
        {
            using (var create = connection.CreateCommand())
            {
                create.CommandText = $"CREATE OR REPLACE TEMP TABLE {table} (code VARCHAR PRIMARY KEY, level VARCHAR, name VARCHAR, parent VARCHAR)";
                create.ExecuteNonQuery();
            }
            using var appender = connection.CreateAppender("temp", "main", table);
            foreach (var entry in entries)
                appender.CreateRow().AppendValue(entry.Code).AppendValue(entry.Level).AppendValue(entry.Name).AppendValue(entry.Parent).EndRow();
        }
    }

    private static List<CodeEntry> Read(string file)
    {
        var assembly = typeof(CodeLists).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Monitor.Enterprises.Codes.{file}")
            ?? throw new InvalidOperationException($"code list {file} is not embedded in {assembly.GetName().Name}");
        using var text = new StreamReader(stream);
        // Lines starting with '#' state the list's source; the CSV starts after them.
        var body = string.Join('\n', text.ReadToEnd().Split('\n').Where(l => !l.StartsWith('#')));
        var csv = new CsvLineReader(new StringReader(body));
        var entries = new List<CodeEntry>();
        if (!csv.Read()) return entries;
        while (csv.Read())
        {
            if (csv.IsBlank()) continue;
            entries.Add(new CodeEntry(csv.Text(0), csv.Text(1), csv.Text(2), csv.Count > 3 ? csv.Text(3) : ""));
        }
        return entries;
    }
}
