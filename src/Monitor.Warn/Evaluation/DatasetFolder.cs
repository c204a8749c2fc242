using Monitor.Core.Text;
using System.Globalization;
using System.Text;

namespace Monitor.Warn.Evaluation;

/// <summary>
/// Reads the monthly series of a shared dataset folder (<c>observations.csv</c> in the common long layout) into
/// month-indexed arrays, for the evaluation command which scores on the files directly, independent of any store.
/// </summary>
public sealed class DatasetFolder
{
    private DatasetFolder(DateOnly start, int months, Dictionary<string, double[]> series)
    {
        Start = start;
        Months = months;
        Series = series;
    }

    public DateOnly Start { get; }

    public int Months { get; }

    /// <summary>Series code → one value per month from <see cref="Start"/> (NaN where missing); codes are unique within a FRED-MD-like panel.</summary>
    public IReadOnlyDictionary<string, double[]> Series { get; }

    public DateOnly MonthAt(int index) => Start.AddMonths(index);

    public int IndexOf(DateOnly month) => ((month.Year - Start.Year) * 12) + month.Month - Start.Month;

    public static DatasetFolder Load(string folder)
    {
        var path = Path.Combine(folder, "observations.csv");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: not found");
        var rows = new List<(string Code, DateOnly Month, double Value)>();
        foreach (var (lineNumber, fields) in CsvLineReader.Records(path))
        {
            if (fields.Length < 9) throw new FormatException($"{path}:{lineNumber}: expected 9 fields, found {fields.Length}");
            if (fields[5] != "M") continue;
            if (!DateOnly.TryParseExact(fields[6], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
                throw new FormatException($"{path}:{lineNumber}: period: '{fields[6]}' is not yyyy-MM-dd");
            if (!double.TryParse(fields[7], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new FormatException($"{path}:{lineNumber}: value: '{fields[7]}' is not a number");
            rows.Add((fields[0], month, value));
        }
        if (rows.Count == 0) throw new FormatException($"{path}: no monthly rows");
        var start = rows.Min(r => r.Month);
        var end = rows.Max(r => r.Month);
        var months = ((end.Year - start.Year) * 12) + end.Month - start.Month + 1;
        var series = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (code, month, value) in rows)
        {
            if (!series.TryGetValue(code, out var values)) series[code] = values = Enumerable.Repeat(double.NaN, months).ToArray();
            values[((month.Year - start.Year) * 12) + month.Month - start.Month] = value;
        }
        return new DatasetFolder(start, months, series);
    }
}
