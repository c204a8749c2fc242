using Monitor.Core.Store;

namespace Monitor.Ingest.Store;

/// <summary>The ingest module's own schema: the documented views and the HTTP validator cache.</summary>
public static class IngestSchema
{
    public static IEnumerable<SchemaScript> Scripts => SchemaScript.FromEmbedded(typeof(IngestSchema).Assembly, "ingest");
}
