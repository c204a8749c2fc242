namespace Monitor.Ingest.Readers.Sdmx;

/// <summary>
/// One observation of an SDMX data message, whatever its syntax: the series' dimensions in key order (time excluded),
/// its time period, the value as written (null when absent), the attributes that apply to it (dataset, group, series
/// and observation levels merged), and where it is in the file (line, or an index for JSON).
/// </summary>
internal sealed record SdmxObservation(
    IReadOnlyList<KeyValuePair<string, string>> Key,
    string Time,
    string? Value,
    IReadOnlyDictionary<string, string> Attributes,
    long Line,
    string? Measure = null);

/// <summary>What a message says about itself: the flow (or structure) id, and names of dimensions' values when it carries them.</summary>
internal sealed class SdmxHeader
{
    /// <summary>The dataflow id ("EXR", "NA_MAIN"), or the data structure's when no flow is named.</summary>
    public string Flow { get; set; } = "SDMX";

    /// <summary>(dimension id, code) → name, from the message's own structure (JSON) or a structure message.</summary>
    public Dictionary<(string Dimension, string Code), string> CodeNames { get; } = [];

    /// <summary>The data structure's dimension order (from a structure message), so that every layout of a flow keys its series alike.</summary>
    public List<string> DimensionOrder { get; } = [];

    /// <summary>Takes names and the dimension order from a structure message, when one is given.</summary>
    public SdmxHeader With(SdmxStructure? structure)
    {
        if (structure is null) return this;
        foreach (var (key, name) in structure.CodeNames) CodeNames[key] = name;
        DimensionOrder.AddRange(structure.Dimensions);
        return this;
    }
}
