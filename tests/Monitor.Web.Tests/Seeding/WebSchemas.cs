using Monitor.Core.Store;

namespace Monitor.Web.Tests.Seeding;

/// <summary>
/// The module schemas the dashboard reads beside the core: ingest views, the forecast and warn stages' tables and views
/// (alert_group_members, signal_lights_current) and the security module's users.
/// </summary>
public static class WebSchemas
{
    public static IEnumerable<SchemaScript> All =>
        Monitor.Ingest.Store.IngestSchema.Scripts
            .Concat(Monitor.Forecast.ForecastServiceCollectionExtensions.Schema)
            .Concat(Microsoft.Extensions.DependencyInjection.WarnServiceCollectionExtensions.Schema)
            .Concat(Monitor.Web.Security.SecurityServiceCollectionExtensions.Schema);
}
