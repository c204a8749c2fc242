using System.Globalization;
using System.Text;

namespace IngestBench;

/// <summary>Writes the synthetic long-layout file: <c>series × periods</c> monthly rows, and a copy revising a share of the values.</summary>
internal static class BenchFile
{
    public const string Header = "series_code,series_name,domain,region_code,industry_code,frequency,period,value,unit";

    public static void Write(string path, int series, int periods, double reviseShare = 0, int seed = 42)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var random = new Random(seed);
        var revise = new Random(seed + 1);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write(Header);
        writer.Write('\n');
        var months = Enumerable.Range(0, periods).Select(m => new DateOnly(1900, 1, 1).AddMonths(m).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        var line = new StringBuilder(96);
        for (var s = 0; s < series; s++)
        {
            var code = $"S{s:D5}";
            var level = 100.0;
            for (var p = 0; p < periods; p++)
            {
                level += random.NextDouble() - 0.5;
                var value = Math.Round(level, 3);
                if (reviseShare > 0 && revise.NextDouble() < reviseShare) value = Math.Round(value + 0.5, 3);
                line.Clear().Append(code).Append(",Bench series ").Append(code).Append(",macro,,,M,").Append(months[p]).Append(',')
                    .Append(value.ToString("R", CultureInfo.InvariantCulture)).Append(",index\n");
                writer.Write(line);
            }
        }
    }
}
