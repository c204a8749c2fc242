using Monitor.Core.Text;
using Monitor.Ingest.Model;
using Monitor.Ingest.Readers.Text;

namespace Monitor.Ingest.Readers.Long;

/// <summary>Column positions of a CSV header, by name (case-insensitive, trimmed).</summary>
internal sealed class Header
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);

    public int Count { get; private init; }

    public static Header Of(CsvLineReader csv)
    {
        var header = new Header { Count = csv.Count };
        for (var i = 0; i < csv.Count; i++) header._columns.TryAdd(csv[i].Trim().ToString(), i);
        return header;
    }

    public int Optional(string name) => _columns.GetValueOrDefault(name, -1);

    public int Require(string name, string file) =>
        _columns.TryGetValue(name, out var index) ? index : throw new InputRejectedException(1, name, $"missing column '{name}' in {file}");
}
