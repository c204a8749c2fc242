using System.Globalization;
using System.Text.Json;
using Monitor.Ingest.Model;

namespace Monitor.Ingest.Readers.Sdmx;

/// <summary>
/// SDMX-JSON data messages, 1.0 (header/structure/dataSets) and 2.0 (meta/data.structures/data.dataSets), with series
/// or flat observations. Keys are indexes into the structure's dimension values; attribute indexes into its attribute
/// values. Observations are numbered in file order, and problems name them by data set, series key and observation key.
/// </summary>
internal static class SdmxJson
{
    /// <summary>Dimension (or attribute) ids with their values' ids (or names), for one level.</summary>
    private sealed record Component(string Id, int KeyPosition, string[] Values, string?[] Names, string? Default);

    /// <summary>An SDMX-JSON data message by its first KBs: an object with a header (1.0) or meta (2.0) and a structure or data sets.</summary>
    public static bool IsDataMessage(string head) =>
        head.TrimStart().StartsWith('{')
        && (head.Contains("\"header\"", StringComparison.Ordinal) || head.Contains("\"meta\"", StringComparison.Ordinal))
        && (head.Contains("\"structure\"", StringComparison.Ordinal) || head.Contains("\"structures\"", StringComparison.Ordinal) || head.Contains("\"dataSets\"", StringComparison.Ordinal));

    public static void Read(string path, IRowSink sink, Func<SdmxHeader, SdmxLoader> loaderFor)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            throw new InputRejectedException((ex.LineNumber ?? 0) + 1, "json", $"not well-formed SDMX-JSON: {ex.Message.Split('.')[0]}");
        }
        using (document)
        {
            var root = document.RootElement;
            var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : root;
            var structure = data.TryGetProperty("structures", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0 ? list[0]
                : data.TryGetProperty("structure", out var one) && one.ValueKind == JsonValueKind.Object ? one : default;
            if (structure.ValueKind != JsonValueKind.Object || !structure.TryGetProperty("dimensions", out var dimensions))
                throw new InputRejectedException(1, "structure", "the SDMX-JSON message has no structure (dimensions): it cannot be read");
            if (!data.TryGetProperty("dataSets", out var dataSets) || dataSets.ValueKind != JsonValueKind.Array)
                throw new InputRejectedException(1, "dataSets", "the SDMX-JSON message has no dataSets");
            var header = new SdmxHeader { Flow = FlowOf(structure) };
            var dims = Levels(dimensions);
            var attrs = structure.TryGetProperty("attributes", out var a) ? Levels(a) : Levels(default);
            foreach (var level in dims.Values)
                foreach (var c in level)
                    for (var i = 0; i < c.Values.Length; i++)
                        if (c.Names[i] is { } name) header.CodeNames[(c.Id, c.Values[i])] = name;
            var places = new List<string>();
            sink.UsePlaces(line => line >= 1 && line <= places.Count ? places[(int)line - 1] : null);
            var loader = loaderFor(header);
            var index = 0;
            foreach (var dataSet in dataSets.EnumerateArray())
            {
                var action = dataSet.TryGetProperty("action", out var act) ? act.GetString() : null;
                if (action is "Delete") { index++; continue; }
                new DataSetReader(dims, attrs, loader, places, index++).Read(dataSet);
            }
        }
    }

    private static string FlowOf(JsonElement structure)
    {
        if (structure.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Array)
        {
            foreach (var link in links.EnumerateArray())
            {
                if (link.TryGetProperty("rel", out var rel) && rel.GetString() is not ("dataflow" or "datastructure")) continue;
                if (link.TryGetProperty("urn", out var urn) && urn.GetString() is { Length: > 0 } u) return SdmxXml.IdFromUrn(u);
                if (link.TryGetProperty("href", out var href) && href.GetString() is { Length: > 0 } h)
                {
                    var parts = h.TrimEnd('/').Split('/');
                    var at = Array.FindIndex(parts, p => p is "dataflow" or "datastructure");
                    if (at >= 0 && at + 2 < parts.Length) return parts[at + 2];
                }
            }
        }
        return structure.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } s ? s : "SDMX";
    }

    private static Dictionary<string, List<Component>> Levels(JsonElement element)
    {
        var levels = new Dictionary<string, List<Component>>(StringComparer.Ordinal) { ["dataSet"] = [], ["series"] = [], ["observation"] = [] };
        if (element.ValueKind != JsonValueKind.Object) return levels;
        foreach (var level in levels.Keys.ToList())
        {
            if (!element.TryGetProperty(level, out var list) || list.ValueKind != JsonValueKind.Array) continue;
            foreach (var c in list.EnumerateArray()) levels[level].Add(ComponentOf(c, levels[level].Count));
        }
        return levels;
    }

    private static Component ComponentOf(JsonElement c, int order)
    {
        var values = c.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToList() : [];
        var ids = values.Select(x => Text(x, "id") ?? Text(x, "name") ?? Text(x, "value") ?? "").ToArray();
        var names = values.Select(x => Text(x, "name")).ToArray();
        var position = c.TryGetProperty("keyPosition", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : 1000 + order;
        var fallback = c.TryGetProperty("default", out var def) ? def.ToString() : null;
        return new Component(Text(c, "id") ?? "", position, ids, names, fallback);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null }
            : null;

    /// <summary>Reads one data set's series or flat observations into the loader.</summary>
    private sealed class DataSetReader(Dictionary<string, List<Component>> dims, Dictionary<string, List<Component>> attrs, SdmxLoader loader, List<string> places, int index)
    {
        public void Read(JsonElement dataSet)
        {
            var baseKey = dims["dataSet"].Select(c => (c, c.Values.Length > 0 ? c.Values[0] : c.Default ?? "")).ToList();
            var baseAttributes = Attributes(attrs["dataSet"], dataSet.TryGetProperty("attributes", out var da) ? da : default, 0, useDefaults: true);
            if (dataSet.TryGetProperty("series", out var series) && series.ValueKind == JsonValueKind.Object)
            {
                foreach (var s in series.EnumerateObject())
                {
                    var key = baseKey.Concat(Key(dims["series"], s.Name)).ToList();
                    var attributes = new Dictionary<string, string>(baseAttributes);
                    foreach (var (k, v) in Attributes(attrs["series"], s.Value.TryGetProperty("attributes", out var sa) ? sa : default, 0, useDefaults: false)) attributes[k] = v;
                    if (s.Value.TryGetProperty("observations", out var observations) && observations.ValueKind == JsonValueKind.Object)
                        foreach (var o in observations.EnumerateObject()) Observation(key, attributes, o, $"series {s.Name}");
                }
            }
            if (dataSet.TryGetProperty("observations", out var flat) && flat.ValueKind == JsonValueKind.Object)
                foreach (var o in flat.EnumerateObject()) Observation(baseKey, baseAttributes, o, "");
        }

        private void Observation(List<(Component C, string Value)> seriesKey, Dictionary<string, string> seriesAttributes, JsonProperty obs, string where)
        {
            places.Add($"dataSets[{index}] {where} observation {obs.Name}".Replace("  ", " ", StringComparison.Ordinal));
            var key = seriesKey.Concat(Key(dims["observation"], obs.Name)).OrderBy(k => k.C.KeyPosition).ToList();
            var attributes = new Dictionary<string, string>(seriesAttributes);
            string? value = null;
            if (obs.Value.ValueKind == JsonValueKind.Array && obs.Value.GetArrayLength() > 0)
            {
                var first = obs.Value[0];
                value = first.ValueKind switch { JsonValueKind.Number => first.GetRawText(), JsonValueKind.String => first.GetString(), _ => null };
                foreach (var (k, v) in Attributes(attrs["observation"], obs.Value, 1, useDefaults: false)) attributes[k] = v;
            }
            var time = key.FirstOrDefault(k => k.C.Id is "TIME_PERIOD" or "TIME");
            var dimensions = key.Where(k => k.C.Id is not ("TIME_PERIOD" or "TIME")).Select(k => new KeyValuePair<string, string>(k.C.Id, k.Value)).ToList();
            loader.Add(new SdmxObservation(dimensions, time.Value ?? "", value, attributes, places.Count));
        }

        private IEnumerable<(Component C, string Value)> Key(List<Component> level, string key)
        {
            if (level.Count == 0) yield break;
            var parts = key.Split(':');
            for (var i = 0; i < level.Count; i++)
            {
                var at = i < parts.Length && int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
                if (at < 0 || at >= level[i].Values.Length)
                    throw new InputRejectedException(places.Count, "key", $"key '{key}' has no value {parts.ElementAtOrDefault(i)} for dimension {level[i].Id}");
                yield return (level[i], level[i].Values[at]);
            }
        }

        // Attribute values: an index per attribute into its values (null = absent); data-set level may give defaults only.
        private static Dictionary<string, string> Attributes(List<Component> level, JsonElement indexes, int offset, bool useDefaults)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < level.Count; i++)
            {
                var c = level[i];
                var slot = indexes.ValueKind == JsonValueKind.Array && indexes.GetArrayLength() > i + offset ? indexes[i + offset] : default;
                if (slot.ValueKind == JsonValueKind.Number && slot.GetInt32() is var n && n >= 0 && n < c.Values.Length) result[c.Id] = c.Values[n];
                else if (useDefaults && (c.Values.Length == 1 || c.Default is not null)) result[c.Id] = c.Default ?? c.Values[0];
            }
            return result;
        }
    }
}
