using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Monitor.Core.Store;

namespace Monitor.Present.Charts;

/// <summary>Registers the chart renderers and the font detection (section "Charts").</summary>
public static class ChartsServiceCollectionExtensions
{
    public static IServiceCollection AddMonitorCharts(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<ChartOptions>();
        if (configuration is not null) options.Bind(configuration.GetSection(ChartOptions.Section));
        services.TryAddSingleton<ChartFonts>();
        services.TryAddSingleton(sp => new StoreChangeToken(sp.GetRequiredService<MonitorStore>(), sp.GetRequiredService<IOptions<ChartOptions>>()));
        services.TryAddSingleton<SeriesChartQuery>();
        services.TryAddSingleton<IChartRenderer, ScottPlotChartRenderer>();
        services.TryAddSingleton<CompositeChartRenderer>();
        services.TryAddSingleton<PathChartRenderer>();
        return services;
    }
}
