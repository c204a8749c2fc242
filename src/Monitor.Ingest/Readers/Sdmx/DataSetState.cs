using System.Xml;
using System.Xml.Linq;

namespace Monitor.Ingest.Readers.Sdmx;

/// <summary>What an SDMX-ML data set has said so far (its groups' attributes) and how to split its elements into keys, attributes and observations.</summary>
internal sealed class DataSetState(bool generic, SdmxStructure? structure)
{
    private static readonly HashSet<string> DataSetMarkup = new(StringComparer.Ordinal)
    {
        "action", "structureRef", "setID", "dataScope", "validFromDate", "validToDate", "publicationYear", "publicationPeriod",
        "reportingBeginDate", "reportingEndDate", "type", "id",
    };

    public bool Generic { get; } = generic;

    /// <summary>TIME_PERIOD (time series), AllDimensions (flat) or a dimension id (cross-section).</summary>
    public string DimensionAtObservation { get; set; } = "TIME_PERIOD";

    public List<(List<KeyValuePair<string, string>> Key, Dictionary<string, string> Attributes)> Groups { get; } = [];

    public void Series(XElement series, Dictionary<string, string> dataSetAttributes, SdmxLoader loader)
    {
        var (key, own) = Generic
            ? (SdmxXml.Values(SdmxXml.Child(series, "SeriesKey")).ToList(), SdmxXml.Values(SdmxXml.Child(series, "Attributes")).ToDictionary(p => p.Key, p => p.Value))
            : SplitAttributes(series);
        var attributes = new Dictionary<string, string>(dataSetAttributes);
        foreach (var group in Groups.Where(g => g.Key.All(key.Contains)))
            foreach (var (k, v) in group.Attributes) attributes[k] = v;
        foreach (var (k, v) in own) attributes[k] = v;
        foreach (var obs in series.Elements().Where(e => e.Name.LocalName == "Obs")) Obs(obs, key, attributes, loader);
    }

    public void Obs(XElement obs, List<KeyValuePair<string, string>> seriesKey, Dictionary<string, string> seriesAttributes, SdmxLoader loader)
    {
        var key = new List<KeyValuePair<string, string>>(seriesKey);
        var attributes = new Dictionary<string, string>(seriesAttributes);
        string? value;
        if (Generic)
        {
            key.AddRange(SdmxXml.Values(SdmxXml.Child(obs, "ObsKey")));
            if (SdmxXml.Child(obs, "ObsDimension") is { } dimension)
                key.Add(new((string?)dimension.Attribute("id") ?? ObservationDimension, (string?)dimension.Attribute("value") ?? ""));
            value = (string?)SdmxXml.Child(obs, "ObsValue")?.Attribute("value");
            foreach (var (k, v) in SdmxXml.Values(SdmxXml.Child(obs, "Attributes"))) attributes[k] = v;
        }
        else
        {
            var (own, ownAttributes) = SplitAttributes(obs);
            value = ownAttributes.Remove("OBS_VALUE", out var v) ? v : null;
            key.AddRange(own);
            foreach (var (k, a) in ownAttributes) attributes[k] = a;
        }
        var time = key.FirstOrDefault(k => k.Key is "TIME_PERIOD" or "TIME");
        key.Remove(time);
        loader.Add(new SdmxObservation(key, time.Value ?? "", value, attributes, ((IXmlLineInfo)obs).LineNumber));
    }

    /// <summary>StructureSpecific elements: the XML attributes split into key values and SDMX attributes (OBS_VALUE kept with the attributes).</summary>
    public (List<KeyValuePair<string, string>> Key, Dictionary<string, string> Attributes) SplitAttributes(XElement element) =>
        Split(element.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.None).Select(a => (a.Name.LocalName, a.Value)));

    public (List<KeyValuePair<string, string>> Key, Dictionary<string, string> Attributes) SplitAttributes(XmlReader reader)
    {
        var pairs = new List<(string, string)>();
        for (var moved = reader.MoveToFirstAttribute(); moved; moved = reader.MoveToNextAttribute())
            if (reader.NamespaceURI.Length == 0) pairs.Add((reader.LocalName, reader.Value));
        reader.MoveToElement();
        return Split(pairs);
    }

    private string ObservationDimension => DimensionAtObservation is "AllDimensions" ? "TIME_PERIOD" : DimensionAtObservation;

    private (List<KeyValuePair<string, string>> Key, Dictionary<string, string> Attributes) Split(IEnumerable<(string Name, string Value)> pairs)
    {
        var key = new List<KeyValuePair<string, string>>();
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            if (DataSetMarkup.Contains(name)) continue;
            if (name is "OBS_VALUE" || SdmxXml.IsAttribute(name, structure)) attributes[name] = value;
            else key.Add(new(name, value));
        }
        return (key, attributes);
    }
}
