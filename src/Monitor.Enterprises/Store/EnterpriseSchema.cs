using Monitor.Core.Store;

namespace Monitor.Enterprises.Store;

/// <summary>The Enterprises module's own tables (panel, warnings, scopes, watch lists), applied when the store opens.</summary>
public static class EnterpriseSchema
{
    public static IEnumerable<SchemaScript> Scripts => SchemaScript.FromEmbedded(typeof(EnterpriseSchema).Assembly, "enterprises");
}
