using Monitor.Core.Store;
using Monitor.Present.Email.Store;

namespace Monitor.Present.Tests;

/// <summary>
/// The schemas a presentation test store needs: e-mail's own tables and the forecast and warn stages' outputs that
/// charts, exports and digests read (each stage creates its own tables, so a core-only store lacks them).
/// </summary>
public static class PresentSchemas
{
    public static IEnumerable<SchemaScript> All =>
        EmailSchema.Scripts
            .Concat(Monitor.Forecast.ForecastServiceCollectionExtensions.Schema)
            .Concat(Microsoft.Extensions.DependencyInjection.WarnServiceCollectionExtensions.Schema);
}
