using System.Xml;
using System.Xml.Linq;
using Monitor.Ingest.Model;

namespace Monitor.Ingest.Readers.Sdmx;

/// <summary>
/// What an SDMX-ML 2.1 structure message tells a data reader: the dimensions and attributes of its data structure,
/// and the names of the codes each dimension and attribute takes (from its codelist).
/// </summary>
internal sealed class SdmxStructure
{
    public List<string> Dimensions { get; } = [];

    public HashSet<string> Attributes { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string Component, string Code), string> CodeNames { get; } = [];

    public static SdmxStructure Load(string path)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new InputRejectedException(ex.LineNumber, "structure", $"{Path.GetFileName(path)}: {ex.Message}");
        }
        var structure = new SdmxStructure();
        var codelists = document.Descendants().Where(e => e.Name.LocalName == "Codelist")
            .GroupBy(c => (string?)c.Attribute("id") ?? "")
            .ToDictionary(g => g.Key, g => g.First().Elements().Where(e => e.Name.LocalName == "Code")
                .ToDictionary(c => (string?)c.Attribute("id") ?? "", NameOf));
        var concepts = document.Descendants().Where(e => e.Name.LocalName == "Concept").ToList();
        foreach (var component in document.Descendants().Where(e => e.Name.LocalName is "Dimension" or "Attribute" or "TimeDimension"))
        {
            var id = (string?)component.Attribute("id");
            if (id is null) continue;
            if (component.Name.LocalName == "Attribute") structure.Attributes.Add(id);
            else if (component.Name.LocalName == "Dimension") structure.Dimensions.Add(id);
            var list = CodelistOf(component) ?? concepts.Where(c => (string?)c.Attribute("id") == id).Select(CodelistOf).FirstOrDefault(c => c is not null) ?? "CL_" + id;
            if (!codelists.TryGetValue(list, out var codes)) continue;
            foreach (var (code, name) in codes) structure.CodeNames[(id, code)] = name;
        }
        return structure;
    }

    // The codelist id of an Enumeration under the component (a Ref id, or the id inside its URN "…Codelist=ISO:CL_CURRENCY(1.0)").
    private static string? CodelistOf(XElement component)
    {
        var enumeration = component.Descendants().FirstOrDefault(e => e.Name.LocalName == "Enumeration");
        if (enumeration is null) return null;
        if (enumeration.Descendants().FirstOrDefault(e => e.Name.LocalName == "Ref") is { } reference) return (string?)reference.Attribute("id");
        var urn = enumeration.Descendants().FirstOrDefault(e => e.Name.LocalName == "URN")?.Value;
        return urn is null ? null : SdmxXml.IdFromUrn(urn);
    }

    private static string NameOf(XElement item)
    {
        var names = item.Elements().Where(e => e.Name.LocalName == "Name").ToList();
        var english = names.FirstOrDefault(n => (string?)n.Attribute(XNamespace.Xml + "lang") is null or "en");
        return (english ?? names.FirstOrDefault())?.Value.Trim() ?? "";
    }
}
