using Monitor.Core.Text;
using System.Globalization;

namespace Monitor.Warn.Evaluation;

/// <summary>NBER peaks and recession months read from the business_cycles folder (turning_points.csv, recessions.csv).</summary>
public sealed record ReferenceCycle(IReadOnlyList<DateOnly> Peaks, IReadOnlyList<(DateOnly First, DateOnly Last)> Recessions)
{
    public static ReferenceCycle Load(string folder, string country = "US")
    {
        var peaks = new List<DateOnly>();
        foreach (var fields in Rows(Path.Combine(folder, "turning_points.csv")))
        {
            if (fields[0] == country && fields[2] == "peak") peaks.Add(Parse(fields[3]));
        }
        var recessions = new List<(DateOnly, DateOnly)>();
        foreach (var fields in Rows(Path.Combine(folder, "recessions.csv")))
        {
            if (fields[0] == country) recessions.Add((Parse(fields[4]), Parse(fields[5])));
        }
        return new ReferenceCycle(peaks, recessions);
    }

    public bool InRecession(DateOnly month) => Recessions.Any(r => month >= r.First && month <= r.Last);

    private static IEnumerable<string[]> Rows(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: not found");
        return CsvLineReader.Records(path).Select(r => r.Fields);
    }

    private static DateOnly Parse(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
