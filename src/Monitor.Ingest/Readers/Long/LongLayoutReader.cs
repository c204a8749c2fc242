using Monitor.Core.Text;
using Monitor.Ingest.Model;
using Monitor.Ingest.Readers.Text;

namespace Monitor.Ingest.Readers.Long;

/// <summary>
/// The tidy long layout of the shared datasets: observations.csv
/// (series_code, series_name, domain, region_code, industry_code, frequency, period, value, unit) plus series.csv beside it.
/// Streams any size: rows go straight to the sink, and consecutive rows of one series reuse its handle.
/// </summary>
public sealed class LongLayoutReader : IFormatReader
{
    public const string FormatName = "long";
    private static readonly string[] Required = ["series_code", "series_name", "domain", "region_code", "industry_code", "frequency", "period", "value"];

    public string Format => FormatName;

    public bool Detect(FileSniff sniff) => sniff.IsDirectory
        ? File.Exists(Path.Combine(sniff.Path, "observations.csv"))
        : sniff.Line(0).StartsWith("series_code,", StringComparison.Ordinal) && sniff.Line(0).Contains(",period,", StringComparison.Ordinal);

    public IReadOnlyList<string> Files(string path)
    {
        var observations = ObservationsFile(path);
        var series = SeriesFile(observations);
        return File.Exists(series) ? [observations, series] : [observations];
    }

    public void Read(ReadRequest request, IRowSink sink)
    {
        var observations = ObservationsFile(request.Path);
        var metadata = SeriesMetadata.Load(SeriesFile(observations), request.Encoding);
        using var text = TextInput.Open(observations, request.Encoding);
        var csv = new CsvLineReader(text);
        if (!csv.Read()) throw new InputRejectedException(1, "file", "empty file");
        new RowLoop(csv, Header.Of(csv), metadata, request.Defaults, sink).Run();
    }

    public static string ObservationsFile(string path) => Directory.Exists(path) ? Path.Combine(path, "observations.csv") : path;

    private static string SeriesFile(string observations) => Path.Combine(Path.GetDirectoryName(observations) ?? ".", "series.csv");

    /// <summary>The per-row work, with the column positions and the last series seen.</summary>
    private sealed class RowLoop(CsvLineReader csv, Header header, SeriesMetadata metadata, SourceDefaults defaults, IRowSink sink)
    {
        private readonly int[] _at = Required.Select(name => header.Require(name, sink.FileName)).ToArray();
        private readonly int _unit = header.Optional("unit");
        private readonly Dictionary<string, int> _handles = new(StringComparer.Ordinal);
        private string _lastKey = "\0";
        private int _lastHandle = -1;

        public void Run()
        {
            while (csv.Read())
            {
                if (csv.IsBlank()) continue;
                sink.RowRead();
                if (csv.Count != header.Count)
                {
                    sink.Problem(csv.Line, "record", $"{csv.Count} fields, expected {header.Count}");
                    continue;
                }
                var handle = SeriesHandle();
                if (!Periods.TryIsoDate(csv[_at[6]], out var period))
                {
                    sink.Problem(csv.Line, "period", $"'{Cells.Clip(csv[_at[6]])}' is not a date (yyyy-MM-dd)");
                    continue;
                }
                var kind = Cells.Parse(csv[_at[7]], out var value);
                if (kind != CellKind.Number) sink.Problem(csv.Line, "value", Cells.Reason(kind, csv[_at[7]]));
                else sink.Value(handle, period, value, csv.Line);
            }
        }

        private int SeriesHandle()
        {
            // Series key columns of the row, compared with the previous row before any string is built.
            var key = KeyOf();
            if (key == _lastKey) return _lastHandle;
            if (!_handles.TryGetValue(key, out var handle))
            {
                handle = sink.Series(Spec(), csv.Line);
                _handles[key] = handle;
            }
            _lastKey = key;
            _lastHandle = handle;
            return handle;
        }

        private string KeyOf()
        {
            ReadOnlySpan<char> code = csv[_at[0]], region = csv[_at[3]], industry = csv[_at[4]], frequency = csv[_at[5]];
            if (_lastKey.Length == code.Length + region.Length + industry.Length + frequency.Length + 3 && Matches(code, region, industry, frequency)) return _lastKey;
            return $"{code}\u001f{region}\u001f{industry}\u001f{frequency}";
        }

        private bool Matches(ReadOnlySpan<char> code, ReadOnlySpan<char> region, ReadOnlySpan<char> industry, ReadOnlySpan<char> frequency)
        {
            var rest = _lastKey.AsSpan();
            return Take(ref rest, code) && Take(ref rest, region) && Take(ref rest, industry) && rest.SequenceEqual(frequency);
        }

        private static bool Take(ref ReadOnlySpan<char> rest, ReadOnlySpan<char> part)
        {
            if (rest.Length <= part.Length || !rest.StartsWith(part, StringComparison.Ordinal) || rest[part.Length] != '\u001f') return false;
            rest = rest[(part.Length + 1)..];
            return true;
        }

        private SeriesSpec Spec()
        {
            var code = csv[_at[0]].Trim().ToString();
            var region = Cells.NullIfEmpty(csv[_at[3]]) ?? defaults.RegionCode;
            var industry = Cells.NullIfEmpty(csv[_at[4]]) ?? defaults.IndustryCode;
            var frequency = csv[_at[5]].Trim().ToString();
            var extra = metadata.Find(SeriesMetadata.Key(code, Cells.NullIfEmpty(csv[_at[3]]), Cells.NullIfEmpty(csv[_at[4]]), frequency));
            return new SeriesSpec(
                code, csv.Text(_at[1]), Cells.NullIfEmpty(csv[_at[2]]) ?? defaults.Domain ?? "", frequency, region, industry,
                extra?.NameZh, _unit >= 0 ? Cells.NullIfEmpty(csv[_unit]) : null, extra?.Transform, extra?.Country ?? defaults.Country, extra?.CounterCyclical);
        }
    }
}
