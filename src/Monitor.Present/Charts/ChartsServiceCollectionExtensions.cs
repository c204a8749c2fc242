using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Monitor.Present.Charts;

/// <summary>Registers the chart renderers and the font detection (section "Charts").</summary>
public static class ChartsServiceCollectionExtensions
{
    public static IServiceCollection AddMonitorCharts(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<ChartOptions>();
        if (configuration is not null) options.Bind(configuration.GetSection(ChartOptions.Section));
        services.TryAddSingleton<ChartFonts>();
        services.TryAddSingleton<StoreChangeToken>();
        services.TryAddSingleton<SeriesChartQuery>();
        services.TryAddSingleton<IChartRenderer, ScottPlotChartRenderer>();
        services.TryAddSingleton<CompositeChartRenderer>();
        return services;
    }
}
