using System.Globalization;

namespace Monitor.Forecast.Backtest;

/// <summary>One series of the M-competition long CSV: its train and test splits and official horizon.</summary>
public sealed record McompSeries(string Id, string Source, string Category, string Frequency, int Horizon, double[] Train, double[] Test)
{
    /// <summary>Seasonal period of the protocol: 12 (M), 4 (Q), 1 (Y).</summary>
    public int SeasonLength => Frequency switch { "M" => 12, "Q" => 4, _ => 1 };
}

/// <summary>Reads <c>series_id,source,category,frequency,horizon,split,t,value</c>; bad lines name the file, line, field and reason.</summary>
public static class McompReader
{
    private static readonly string[] Header = ["series_id", "source", "category", "frequency", "horizon", "split", "t", "value"];

    public static IReadOnlyList<McompSeries> Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.Split(',');
        if (header is null || !header.SequenceEqual(Header))
            throw new FormatException($"{path}:1: header: expected '{string.Join(",", Header)}'");
        var builders = new Dictionary<string, Builder>(StringComparer.Ordinal);
        var order = new List<string>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var f = line.Split(',');
            if (f.Length != Header.Length) throw new FormatException($"{path}:{lineNumber}: expected {Header.Length} fields, found {f.Length}");
            if (!builders.TryGetValue(f[0], out var b))
            {
                builders[f[0]] = b = new Builder(f[1], f[2], f[3], Int(path, lineNumber, "horizon", f[4]));
                order.Add(f[0]);
            }
            var t = Int(path, lineNumber, "t", f[6]);
            if (!double.TryParse(f[7], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new FormatException($"{path}:{lineNumber}: value: '{f[7]}' is not a number");
            var split = f[5] switch
            {
                "train" => b.Train,
                "test" => b.Test,
                _ => throw new FormatException($"{path}:{lineNumber}: split: '{f[5]}' is neither train nor test"),
            };
            split.Add((t, value));
        }
        return order.Select(id => builders[id].Build(id, path)).ToList();
    }

    private static int Int(string path, int line, string field, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"{path}:{line}: {field}: '{text}' is not a whole number");

    private sealed record Builder(string Source, string Category, string Frequency, int Horizon)
    {
        public List<(int T, double Value)> Train { get; } = [];
        public List<(int T, double Value)> Test { get; } = [];

        public McompSeries Build(string id, string path)
        {
            if (Train.Count == 0) throw new FormatException($"{path}: series {id}: no train rows");
            return new McompSeries(id, Source, Category, Frequency, Horizon,
                Train.OrderBy(p => p.T).Select(p => p.Value).ToArray(), Test.OrderBy(p => p.T).Select(p => p.Value).ToArray());
        }
    }
}
