namespace Monitor.Core.Store;

/// <summary>The tables shared between stages (catalogue, vintages, forecasts, warnings, alerts, job runs).</summary>
public static class CoreSchema
{
    public static IEnumerable<SchemaScript> Scripts => SchemaScript.FromEmbedded(typeof(CoreSchema).Assembly, "core", "Monitor.Core.Store.Schema.");
}
