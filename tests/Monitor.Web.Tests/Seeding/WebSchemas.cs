using Monitor.Core.Store;

namespace Monitor.Web.Tests.Seeding;

/// <summary>The module schemas the dashboard reads beside the core (ingest views, warn tables and views such as alert_group_members).</summary>
public static class WebSchemas
{
    public static IEnumerable<SchemaScript> All =>
        Monitor.Ingest.Store.IngestSchema.Scripts.Concat(Microsoft.Extensions.DependencyInjection.WarnServiceCollectionExtensions.Schema);
}
