using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitor.Core.Store;

namespace Monitor.Web.Health;

/// <summary>Ready when the DuckDB store opens and answers a query; unhealthy otherwise (nothing works without it).</summary>
public sealed class StoreHealthCheck(MonitorStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["database"] = store.DatabasePath };
        try
        {
            using var connection = store.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM schema_migrations";
            command.ExecuteScalar();
            return Task.FromResult(HealthCheckResult.Healthy("the store answers", data));
        }
        catch (Exception ex)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, $"store {store.DatabasePath} does not answer: {FirstLine(ex.Message)}", null, data));
        }
    }

    internal static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
