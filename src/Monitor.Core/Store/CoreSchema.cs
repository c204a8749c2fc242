namespace Monitor.Core.Store;

/// <summary>The tables every stage shares (catalogue, vintages, ingest runs, job runs); each stage creates its own outputs.</summary>
public static class CoreSchema
{
    public static IEnumerable<SchemaScript> Scripts => SchemaScript.FromEmbedded(typeof(CoreSchema).Assembly, "core", "Monitor.Core.Store.Schema.");
}
