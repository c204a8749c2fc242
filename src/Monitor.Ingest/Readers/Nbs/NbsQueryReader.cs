using System.Globalization;
using System.Text.Json;
using Monitor.Ingest.Model;
using Monitor.Ingest.Readers.Text;

namespace Monitor.Ingest.Readers.Nbs;

/// <summary>
/// The JSON of the NBS data portal's QueryData call (data.stats.gov.cn/easyquery.htm?m=QueryData): each datanode's
/// <c>wds</c> give its indicator (zb), period (sj: 2024, 202409, 2024A–2024D for quarters) and, in the provincial
/// databases, its region (reg); names and units come from <c>wdnodes</c>. The published figure (strdata) is stored;
/// a node without data (hasdata false) is skipped and counted. A returncode other than 200 rejects the answer.
/// </summary>
public sealed class NbsQueryReader : IFormatReader
{
    public string Format => "nbs-query";

    public bool Detect(FileSniff sniff) => !sniff.IsDirectory && IsAnswer(sniff.Head);

    /// <summary>A QueryData answer by its first KBs: an object with returncode and returndata.</summary>
    public static bool IsAnswer(string head) =>
        head.TrimStart().StartsWith('{') && head.Contains("\"returncode\"", StringComparison.Ordinal) && head.Contains("\"returndata\"", StringComparison.Ordinal);

    public void Read(ReadRequest request, IRowSink sink)
    {
        using var document = JsonInput.Parse(request.Path);
        var root = document.RootElement;
        var file = Path.GetFileName(request.Path);
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("returncode", out var code))
            throw new InputRejectedException(1, "returncode", $"{file}: not a QueryData answer (no returncode)");
        var data = root.TryGetProperty("returndata", out var d) ? d : default;
        if (code.ToString() != "200") throw new InputRejectedException(1, "returncode", $"{file}: the portal answered {code}: {Cells.Clip(data.ToString())}");
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("datanodes", out var nodes) || nodes.ValueKind != JsonValueKind.Array)
            throw new InputRejectedException(1, "datanodes", $"{file}: no datanodes in returndata");
        var names = Dimensions.Of(data);
        var codes = new List<string>();
        sink.UsePlaces(line => line >= 1 && line <= codes.Count ? $"datanode {line} ({codes[(int)line - 1]})" : null);
        foreach (var node in nodes.EnumerateArray())
        {
            codes.Add(node.TryGetProperty("code", out var c) ? c.ToString() : "");
            Read(node, codes.Count, names, request, sink);
        }
    }

    private static void Read(JsonElement node, long line, Dimensions names, ReadRequest request, IRowSink sink)
    {
        sink.RowRead();
        var wds = Wds(node);
        if (!wds.TryGetValue("zb", out var indicator) || !wds.TryGetValue("sj", out var time)) { sink.Problem(line, "wds", "no indicator (zb) or period (sj)"); return; }
        if (!TryPeriod(time, out var period, out var frequency)) { sink.Problem(line, "sj", $"'{Cells.Clip(time)}' is not a period (2024, 202409, 2024A–2024D)"); return; }
        var value = node.TryGetProperty("data", out var cell) ? cell : default;
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("hasdata", out var has) || has.ValueKind != JsonValueKind.True) { sink.Skipped("no data (hasdata false)"); return; }
        if (!TryNumber(value, out var number)) { sink.Problem(line, "data", $"'{Cells.Clip(value.ToString())}' is not a number"); return; }

        string? region = null;
        if (wds.TryGetValue("reg", out var reg))
        {
            var regionName = names.Name("reg", reg) ?? reg;
            region = Provinces.Code(regionName);
            if (region is null) { sink.Problem(line, "reg", $"unknown province '{Cells.Clip(regionName)}' ({reg})"); return; }
            if (region.Length == 0) region = null;
        }
        var name = names.Name("zb", indicator) ?? indicator;
        var spec = new SeriesSpec(indicator, name, request.Defaults.Domain ?? (wds.ContainsKey("reg") ? "regional" : "macro"), frequency,
            region ?? request.Defaults.RegionCode, request.Defaults.IndustryCode, NameZh: name, Unit: names.Unit(indicator), Country: request.Defaults.Country ?? "CN");
        var handle = sink.Series(spec, line);
        if (handle >= 0) sink.Value(handle, period, number, line);
    }

    private static Dictionary<string, string> Wds(JsonElement node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!node.TryGetProperty("wds", out var wds) || wds.ValueKind != JsonValueKind.Array) return result;
        foreach (var wd in wds.EnumerateArray())
        {
            if (wd.TryGetProperty("wdcode", out var dimension) && wd.TryGetProperty("valuecode", out var v)) result[dimension.ToString()] = v.ToString();
        }
        return result;
    }

    // The published figure is strdata (rounded as the portal shows it); data holds the unrounded number.
    private static bool TryNumber(JsonElement value, out double number)
    {
        number = 0;
        if (value.TryGetProperty("strdata", out var text) && text.ValueKind == JsonValueKind.String && text.GetString() is { Length: > 0 } shown)
            return double.TryParse(shown, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
        return value.TryGetProperty("data", out var raw) && raw.ValueKind == JsonValueKind.Number && raw.TryGetDouble(out number) && double.IsFinite(number);
    }

    /// <summary>An sj code: yyyy (A), yyyyMM (M) or yyyy followed by A–D (quarters 1–4).</summary>
    internal static bool TryPeriod(string sj, out DateOnly period, out string frequency)
    {
        period = default;
        frequency = "";
        if (sj.Length < 4 || !int.TryParse(sj.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1) return false;
        var rest = sj[4..];
        (frequency, var month) = rest switch
        {
            "" => ("A", 1),
            "A" or "B" or "C" or "D" => ("Q", (rest[0] - 'A') * 3 + 1),
            { Length: 2 } when int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 => ("M", m),
            _ => ("", 0),
        };
        if (month == 0) return false;
        period = new DateOnly(year, month, 1);
        return true;
    }

    /// <summary>The wdnodes of an answer: each dimension's codes with their names (cname) and, for indicators, units.</summary>
    private sealed class Dimensions
    {
        private readonly Dictionary<(string Dimension, string Code), (string? Name, string? Unit)> _nodes = [];

        public static Dimensions Of(JsonElement data)
        {
            var result = new Dimensions();
            if (!data.TryGetProperty("wdnodes", out var dimensions) || dimensions.ValueKind != JsonValueKind.Array) return result;
            foreach (var dimension in dimensions.EnumerateArray())
            {
                var wdcode = dimension.TryGetProperty("wdcode", out var w) ? w.ToString() : "";
                if (!dimension.TryGetProperty("nodes", out var nodes) || nodes.ValueKind != JsonValueKind.Array) continue;
                foreach (var node in nodes.EnumerateArray())
                    result._nodes[(wdcode, Text(node, "code") ?? "")] = (Text(node, "cname") ?? Text(node, "name"), Text(node, "unit"));
            }
            return result;
        }

        public string? Name(string dimension, string code) => _nodes.TryGetValue((dimension, code), out var node) ? node.Name : null;

        public string? Unit(string indicator) => _nodes.TryGetValue(("zb", indicator), out var node) ? node.Unit : null;

        private static string? Text(JsonElement node, string name) =>
            node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
    }
}
