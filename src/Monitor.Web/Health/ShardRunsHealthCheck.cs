using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitor.Core.Scale;

namespace Monitor.Web.Health;

/// <summary>Degraded while the latest sharded run of a stage has failed (a shard failed 3 times or the merge failed), with its reason.</summary>
public sealed class ShardRunsHealthCheck(ShardCoordinator coordinator) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failed = coordinator.Recent(20).GroupBy(r => r.Stage).Select(g => g.First()).Where(r => r.Status == "failed")
            .Select(r => $"{r.Stage} sharded run {r.RunId} failed: {r.Message}").ToList();
        return Task.FromResult(failed.Count == 0
            ? HealthCheckResult.Healthy("the latest sharded runs completed")
            : new HealthCheckResult(context.Registration.FailureStatus, string.Join("; ", failed)));
    }
}
