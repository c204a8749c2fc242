using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Monitor.Jobs;

namespace Monitor.Web.Health;

/// <summary>Ready when the Hangfire job storage answers a read; unhealthy otherwise (no schedule, retry or chain runs without it).</summary>
public sealed class JobStorageHealthCheck(JobStorage storage, IOptions<JobStorageOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["jobStorage"] = options.Value.Describe() };
        try
        {
            using var connection = storage.GetConnection();
            connection.GetAllEntriesFromHash("monitor:health-probe");
            return Task.FromResult(HealthCheckResult.Healthy("the job storage answers", data));
        }
        catch (Exception ex)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus,
                $"job storage {options.Value.Kind} does not answer: {StoreHealthCheck.FirstLine(ex.Message)}", null, data));
        }
    }
}
