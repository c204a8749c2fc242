using System.Xml;
using System.Xml.Linq;
using Monitor.Ingest.Model;

namespace Monitor.Ingest.Readers.Sdmx;

/// <summary>
/// SDMX-ML 2.1 data messages, streamed one DataSet child (group, series or flat observation) at a time: GenericData
/// and GenericTimeSeriesData (key values in Value elements), StructureSpecificData and its time-series form (key
/// values and attributes as XML attributes; told apart by the structure message when given, else by the SDMX
/// cross-domain attribute names). Time series, flat (AllDimensions) and cross-sectional layouts.
/// </summary>
internal static class SdmxXml
{
    private static readonly HashSet<string> KnownAttributes = new(StringComparer.Ordinal)
    {
        "TITLE", "TITLE_COMPL", "UNIT", "UNIT_MEASURE", "UNIT_MULT", "DECIMALS", "OBS_STATUS", "OBS_CONF", "OBS_COM", "OBS_PRE_BREAK",
        "CONF_STATUS", "CONF_STATUS_OBS", "COLL_METHOD", "TIME_FORMAT", "SOURCE_AGENCY", "SOURCE_PUB", "COLLECTION", "COMMENT",
        "COMPILATION", "COVERAGE", "BREAKS", "DOM_SER_IDS", "PUBL_ECB", "PUBL_MU", "PUBL_PUBLIC", "UNIT_INDEX_BASE", "NAT_TITLE",
        "EMBARGO_TIME", "REF_PERIOD_DETAIL", "BASE_PER", "UNIT_MEAS_DETAIL", "ADJUSTMENT_DETAIL",
    };

    /// <summary>True when the file's root is an SDMX-ML data message.</summary>
    public static bool IsDataMessage(string head) =>
        head.Contains("sdmx.org/resources/sdmxml/schemas/v2_1/message", StringComparison.Ordinal)
        && (head.Contains(":GenericData", StringComparison.Ordinal) || head.Contains(":GenericTimeSeriesData", StringComparison.Ordinal)
            || head.Contains(":StructureSpecificData", StringComparison.Ordinal) || head.Contains(":StructureSpecificTimeSeriesData", StringComparison.Ordinal));

    /// <summary>"urn:…Dataflow=ECB:EXR(1.0)" → "EXR".</summary>
    public static string IdFromUrn(string urn)
    {
        var tail = urn[(urn.LastIndexOf('=') + 1)..];
        var id = tail[(tail.IndexOf(':') + 1)..];
        var paren = id.IndexOf('(');
        return (paren >= 0 ? id[..paren] : id).Trim();
    }

    public static void Read(string path, SdmxStructure? structure, Func<SdmxHeader, SdmxLoader> loaderFor)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
        var info = (IXmlLineInfo)reader;
        try
        {
            reader.MoveToContent();
            var generic = reader.LocalName.StartsWith("Generic", StringComparison.Ordinal);
            var header = new SdmxHeader().With(structure);
            SdmxLoader? loader = null;
            var state = new DataSetState(generic, structure);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                switch (reader.LocalName)
                {
                    case "Header": ReadHeader(XElement.Load(reader.ReadSubtree()), header, state); break;
                    case "Error": throw new InputRejectedException(info.LineNumber, "message", "the message is an SDMX error: " + XElement.Load(reader.ReadSubtree()).Value.Trim());
                    case "DataSet":
                        loader ??= loaderFor(header);
                        ReadDataSet(reader, info, state, loader);
                        break;
                }
            }
            if (loader is null) throw new InputRejectedException(info.LineNumber, "message", "no DataSet in the message");
        }
        catch (XmlException ex)
        {
            throw new InputRejectedException(ex.LineNumber, "xml", $"not well-formed SDMX-ML: {ex.Message}");
        }
    }

    private static void ReadHeader(XElement element, SdmxHeader header, DataSetState state)
    {
        var structures = element.Elements().Where(e => e.Name.LocalName == "Structure").ToList();
        foreach (var s in structures)
        {
            state.DimensionAtObservation = (string?)s.Attribute("dimensionAtObservation") ?? state.DimensionAtObservation;
            var usage = s.Elements().FirstOrDefault(e => e.Name.LocalName is "StructureUsage") ?? s.Elements().FirstOrDefault(e => e.Name.LocalName is "Structure");
            var reference = usage?.Elements().FirstOrDefault(e => e.Name.LocalName == "Ref");
            var urn = usage?.Elements().FirstOrDefault(e => e.Name.LocalName == "URN")?.Value;
            if ((string?)reference?.Attribute("id") is { Length: > 0 } id) header.Flow = id;
            else if (urn is { Length: > 0 }) header.Flow = IdFromUrn(urn);
        }
    }

    private static void ReadDataSet(XmlReader reader, IXmlLineInfo info, DataSetState state, SdmxLoader loader)
    {
        var action = reader.GetAttribute("action");
        var dataSetAttributes = state.Generic ? new Dictionary<string, string>() : state.SplitAttributes(reader).Attributes;
        if (reader.IsEmptyElement) return;
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
            var element = XElement.Load(reader.ReadSubtree(), LoadOptions.SetLineInfo);
            reader.Read();
            if (action is "Delete") continue;
            switch (element.Name.LocalName)
            {
                case "Attributes": foreach (var (k, v) in Values(element)) dataSetAttributes[k] = v; break;
                case "Group": state.Groups.Add(state.Generic ? GenericGroup(element) : state.SplitAttributes(element)); break;
                case "Series": state.Series(element, dataSetAttributes, loader); break;
                case "Obs": state.Obs(element, [], dataSetAttributes, loader); break;
            }
        }
    }

    private static (List<KeyValuePair<string, string>> Key, Dictionary<string, string> Attributes) GenericGroup(XElement group) =>
        (Values(Child(group, "GroupKey")).ToList(), Values(Child(group, "Attributes")).ToDictionary(p => p.Key, p => p.Value));

    internal static XElement? Child(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    internal static IEnumerable<KeyValuePair<string, string>> Values(XElement? parent) =>
        parent?.Elements().Where(e => e.Name.LocalName == "Value").Select(v => new KeyValuePair<string, string>((string?)v.Attribute("id") ?? "", (string?)v.Attribute("value") ?? ""))
        ?? [];

    internal static bool IsAttribute(string id, SdmxStructure? structure) =>
        structure is not null && (structure.Dimensions.Count > 0 || structure.Attributes.Count > 0)
            ? structure.Attributes.Contains(id)
            : KnownAttributes.Contains(id) || id.StartsWith("OBS_", StringComparison.Ordinal) || id.StartsWith("TITLE", StringComparison.Ordinal);
}
