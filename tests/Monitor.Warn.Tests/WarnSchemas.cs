using Monitor.Core.Store;

namespace Monitor.Warn.Tests;

/// <summary>The schemas a warn-job test store needs: the warn stage's own and the forecast stage's one-step forecasts it scores.</summary>
public static class WarnSchemas
{
    public static IEnumerable<SchemaScript> All =>
        Monitor.Forecast.ForecastServiceCollectionExtensions.Schema.Concat(Microsoft.Extensions.DependencyInjection.WarnServiceCollectionExtensions.Schema);
}
