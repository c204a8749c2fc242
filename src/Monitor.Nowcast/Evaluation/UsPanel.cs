using System.Globalization;
using Monitor.Core.Text;
using Monitor.Nowcast.Data;

namespace Monitor.Nowcast.Evaluation;

/// <summary>
/// FRED-MD monthly indicators (transformed by their tcodes) and a FRED-QD quarterly target as 400·Δlog (annualised %),
/// on one monthly index; the quarterly value sits in the quarter's third month. Read from the shared dataset files.
/// </summary>
public sealed class UsPanel
{
    internal UsPanel(DateOnly start, int months, Dictionary<string, double[]> monthly, Dictionary<string, string> groups, double[] target)
    {
        Start = start;
        Months = months;
        Monthly = monthly;
        Groups = groups;
        Target = target;
    }

    public DateOnly Start { get; }

    public int Months { get; }

    /// <summary>Code → transformed values per month from <see cref="Start"/> (NaN missing).</summary>
    public IReadOnlyDictionary<string, double[]> Monthly { get; }

    /// <summary>Code → FRED-MD group (for publication lags).</summary>
    public IReadOnlyDictionary<string, string> Groups { get; }

    /// <summary>The quarterly target per month (a value in each quarter's third month, NaN elsewhere).</summary>
    public double[] Target { get; }

    public int IndexOf(DateOnly month) => ((month.Year - Start.Year) * 12) + month.Month - Start.Month;

    public static UsPanel Load(string datasets, string target)
    {
        var md = Path.Combine(datasets, "fred_md");
        var qd = Path.Combine(datasets, "fred_qd");
        var meta = ReadSeries(Path.Combine(md, "series.csv"));
        var raw = ReadObservations(Path.Combine(md, "observations.csv"), "M", _ => true);
        var quarterly = ReadObservations(Path.Combine(qd, "observations.csv"), "Q", code => code == target);
        if (!quarterly.ContainsKey(target)) throw new FormatException($"{Path.Combine(qd, "observations.csv")}: target series '{target}' not found");
        var start = raw.Values.SelectMany(v => v.Keys).Min();
        var end = raw.Values.SelectMany(v => v.Keys).Max();
        var months = ((end.Year - start.Year) * 12) + end.Month - start.Month + 1;
        int Index(DateOnly d) => ((d.Year - start.Year) * 12) + d.Month - start.Month;
        var monthly = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, values) in raw)
        {
            if (!meta.TryGetValue(code, out var info)) continue;
            var levels = Enumerable.Repeat(double.NaN, months).ToArray();
            foreach (var (month, value) in values) levels[Index(month)] = value;
            monthly[code] = Transforms.Apply(levels, info.Tcode);
            groups[code] = info.Group;
        }
        var gdp = Enumerable.Repeat(double.NaN, months + 3).ToArray();
        var levelsQ = quarterly[target].OrderBy(p => p.Key).ToList();
        for (var k = 1; k < levelsQ.Count; k++)
        {
            var index = Index(levelsQ[k].Key) + 2;
            if (index >= 0 && index < gdp.Length && levelsQ[k].Key.AddMonths(-3) == levelsQ[k - 1].Key)
                gdp[index] = 400 * Math.Log(levelsQ[k].Value / levelsQ[k - 1].Value);
        }
        return new UsPanel(start, months, monthly, groups, gdp[..months]);
    }

    private static Dictionary<string, (int Tcode, string Group)> ReadSeries(string path)
    {
        var result = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        foreach (var (line, f) in CsvLineReader.Records(path))
        {
            if (f.Length < 16) throw new FormatException($"{path}:{line}: expected 17 fields, found {f.Length}");
            if (!int.TryParse(f[14], CultureInfo.InvariantCulture, out var tcode)) throw new FormatException($"{path}:{line}: transform_code: '{f[14]}' is not a number");
            result[f[0]] = (tcode, f[15]);
        }
        return result;
    }

    private static Dictionary<string, Dictionary<DateOnly, double>> ReadObservations(string path, string frequency, Func<string, bool> keep)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: not found");
        var result = new Dictionary<string, Dictionary<DateOnly, double>>(StringComparer.Ordinal);
        foreach (var (line, f) in CsvLineReader.Records(path))
        {
            if (f.Length < 9) throw new FormatException($"{path}:{line}: expected 9 fields, found {f.Length}");
            if (f[5] != frequency || !keep(f[0])) continue;
            if (!DateOnly.TryParseExact(f[6], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var period))
                throw new FormatException($"{path}:{line}: period: '{f[6]}' is not yyyy-MM-dd");
            if (!double.TryParse(f[7], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new FormatException($"{path}:{line}: value: '{f[7]}' is not a number");
            if (!result.TryGetValue(f[0], out var series)) result[f[0]] = series = [];
            series[period] = value;
        }
        return result;
    }
}
