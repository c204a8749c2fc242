using System.Globalization;
using Monitor.Ingest.Model;
using Monitor.Ingest.Readers.Excel;
using Monitor.Ingest.Readers.Nbs;

namespace Monitor.Ingest.Readers.Sdmx;

/// <summary>
/// Turns SDMX observations into series and values: the code is the flow and the dimension key (FLOW.M.CHF.EUR.SP00.E),
/// FREQ (or TIME_FORMAT, or the period's own form) gives the frequency, a REF_AREA that is a known region becomes the
/// series' region, attributes are kept as series metadata, and missing or NaN observations are skipped and counted.
/// </summary>
internal sealed class SdmxLoader(ReadRequest request, IRowSink sink, SdmxHeader header)
{
    private static readonly HashSet<string> MissingValues = new(["", "NaN", "nan", "NA", "-", ".."], StringComparer.Ordinal);
    private readonly Dictionary<string, int> _handles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _frequencies = new(StringComparer.Ordinal);

    public long Skipped { get; private set; }

    /// <summary>A row whose ACTION deletes it: read, not stored, counted.</summary>
    public void SkipDeleted()
    {
        sink.RowRead();
        Skipped++;
        sink.Skipped("deleted by its ACTION");
    }

    public void Add(SdmxObservation obs)
    {
        sink.RowRead();
        var value = obs.Value?.Trim() ?? "";
        if (MissingValues.Contains(value)) { Skipped++; sink.Skipped("missing or NaN observation"); return; }
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            sink.Problem(obs.Line, "OBS_VALUE", $"'{CellNumbersClip(value)}' is not a number");
            return;
        }
        if (!SdmxTime.TryParse(obs.Time, out var start, out var implied))
        {
            sink.Problem(obs.Line, "TIME_PERIOD", $"'{CellNumbersClip(obs.Time)}' is not an SDMX time period (2014, 2014-S1, 2014-Q1, 2014-01, 2014-W05, 2014-01-15)");
            return;
        }
        var (handle, frequency) = Handle(obs, implied);
        if (handle < 0) return;
        // A date stands for the period holding it (daily forms are normalised to the period's first day).
        if (implied != frequency && implied != "D")
        {
            sink.Problem(obs.Line, "TIME_PERIOD", $"'{obs.Time}' is not a period of frequency {frequency}");
            return;
        }
        sink.Value(handle, Spacing.Start(frequency, start), number, obs.Line);
    }

    private (int Handle, string Frequency) Handle(SdmxObservation obs, string implied)
    {
        var region = RegionOf(obs.Key);
        var ordered = header.DimensionOrder.Count == 0 ? obs.Key : obs.Key.OrderBy(k => header.DimensionOrder.IndexOf(k.Key) is var i and >= 0 ? i : int.MaxValue).ToList();
        var key = string.Join('.', ordered.Where(k => !(region is not null && k.Key == "REF_AREA")).Select(k => k.Value));
        var code = $"{header.Flow}.{key}" + (obs.Measure is null ? "" : "." + obs.Measure);
        var id = code + "|" + region;
        if (_handles.TryGetValue(id, out var handle)) return (handle, _frequencies[id]);
        var frequency = FrequencyOf(obs, implied, out var reason);
        if (frequency is null)
        {
            sink.Problem(obs.Line, "FREQ", reason!);
            _handles[id] = -1;
            _frequencies[id] = "";
            return (-1, "");
        }
        var country = obs.Key.FirstOrDefault(k => k.Key == "REF_AREA").Value is { Length: 2 } iso ? iso : null;
        var spec = new SeriesSpec(code, NameOf(obs, code), request.Defaults.Domain ?? (region is null ? "macro" : "regional"), frequency,
            region ?? request.Defaults.RegionCode, request.Defaults.IndustryCode, Unit: UnitOf(obs), Country: country)
        {
            Attributes = Metadata(obs),
        };
        handle = sink.Series(spec, obs.Line);
        _handles[id] = handle;
        _frequencies[id] = frequency;
        return (handle, frequency);
    }

    private static string? FrequencyOf(SdmxObservation obs, string implied, out string? reason)
    {
        reason = null;
        var freq = obs.Key.FirstOrDefault(k => k.Key == "FREQ").Value ?? obs.Attributes.GetValueOrDefault("FREQ");
        if (freq is not null)
        {
            var stored = SdmxTime.Frequency(freq);
            if (stored is null) reason = $"FREQ '{freq}' is not a frequency the store keeps (A, S, Q, M, W, D, B)";
            return stored;
        }
        if (obs.Attributes.GetValueOrDefault("TIME_FORMAT") is { } format)
        {
            var fromFormat = format switch { "P1Y" => "A", "P6M" => "S", "P3M" => "Q", "P1M" => "M", "P7D" => "W", "P1D" => "D", _ => null };
            if (fromFormat is not null) return fromFormat;
        }
        return implied;
    }

    private string NameOf(SdmxObservation obs, string code)
    {
        if (obs.Attributes.GetValueOrDefault("TITLE") is { Length: > 0 } title) return title;
        if (obs.Attributes.GetValueOrDefault("TITLE_COMPL") is { Length: > 0 } complement) return complement;
        var names = obs.Key.Select(k => header.CodeNames.GetValueOrDefault((k.Key, k.Value))).ToList();
        return names.Any(n => n is not null) ? string.Join(" / ", obs.Key.Select((k, i) => names[i] ?? k.Value)) : code;
    }

    private string? UnitOf(SdmxObservation obs)
    {
        var unit = obs.Attributes.GetValueOrDefault("UNIT_MEASURE") ?? obs.Attributes.GetValueOrDefault("UNIT");
        if (unit is null) return null;
        var named = header.CodeNames.GetValueOrDefault(("UNIT_MEASURE", unit)) ?? header.CodeNames.GetValueOrDefault(("UNIT", unit)) ?? unit;
        var multiplier = obs.Attributes.GetValueOrDefault("UNIT_MULT");
        return multiplier is null or "0" ? named : $"{named} ×10^{multiplier}";
    }

    private static Dictionary<string, string> Metadata(SdmxObservation obs) =>
        obs.Attributes.Where(a => a.Value.Length > 0).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);

    private static string? RegionOf(IReadOnlyList<KeyValuePair<string, string>> key)
    {
        var area = key.FirstOrDefault(k => k.Key == "REF_AREA").Value;
        if (area is null) return null;
        if (area.Length == 5 && area[2] == '-' && (area.StartsWith("CN", StringComparison.Ordinal) || area.StartsWith("US", StringComparison.Ordinal))) return area;
        return Provinces.Code(area) is { Length: > 0 } province ? province : null;
    }

    private static string CellNumbersClip(string text) => Workbooks.CellNumbers.Clip(text);
}
