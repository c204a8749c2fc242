using Monitor.Core.Store;

namespace Monitor.Core.Audit;

/// <summary>The audit log's own table (audit_log), module "audit"; applied by every store because every stage may audit.</summary>
public static class AuditSchema
{
    public static IEnumerable<SchemaScript> Scripts =>
        SchemaScript.FromEmbedded(typeof(AuditSchema).Assembly, "audit", "Monitor.Core.Audit.Schema.");
}
