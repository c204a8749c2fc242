using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Monitor.Web.Health;

/// <summary>
/// ASP.NET Core health checks: /health/live (the process answers), /health/ready (store, job storage, pipeline) and
/// /health (the same checks in the JSON /health has always returned). All are open to anyone; details are not.
/// </summary>
public static class HealthExtensions
{
    private const string Ready = "ready";

    public static IServiceCollection AddMonitorHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.Section));
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", HealthStatus.Unhealthy, [Ready])
            .AddCheck<JobStorageHealthCheck>("jobStorage", HealthStatus.Unhealthy, [Ready])
            .AddCheck<PipelineHealthCheck>("pipeline", HealthStatus.Degraded, [Ready])
            .AddCheck<ShardRunsHealthCheck>("shards", HealthStatus.Degraded, [Ready]);
        return services;
    }

    public static WebApplication MapMonitorHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponses.StatusOnly })
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = r => r.Tags.Contains(Ready), ResponseWriter = HealthResponses.ForAdminsOrLocal })
            .AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponses.ForAdmins })
            .AllowAnonymous();
        return app;
    }
}
