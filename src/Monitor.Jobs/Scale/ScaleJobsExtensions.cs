using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Core.Jobs;
using Monitor.Core.Scale;

namespace Monitor.Jobs.Scale;

/// <summary>Chains the next pipeline stage once a sharded stage's run is merged (the job that started it returned long before).</summary>
public sealed class ChainNextStage(IBackgroundJobClient client) : IStageCompletion
{
    public void Completed(string stageKey)
    {
        if (JobKeys.NextStage(stageKey) is { } next) client.Enqueue<JobDispatcher>(d => d.RunStage(next, CancellationToken.None));
    }
}

/// <summary>On an owner's start, merges runs whose shards all finished while it was down.</summary>
public sealed class ShardResumeService(ShardCoordinator coordinator, ILogger<ShardResumeService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var merged = coordinator.Resume(cancellationToken);
        if (merged > 0) logger.LogInformation("merged {Count} sharded runs completed while the owner was down", merged);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Roles of a job server in a scaled-out deployment: the queues it listens on and the services it adds.</summary>
internal static class ScaleJobsExtensions
{
    public static string[] Queues(string role) => role switch
    {
        ScaleRoles.Worker => [ScaleRoles.ShardQueue],
        ScaleRoles.Owner => [ScaleRoles.OwnerQueue, "default"],
        _ => ["default"],
    };

    public static void AddScaleRole(IServiceCollection services, string role)
    {
        services.AddTransient<ShardJobs>();
        if (role != ScaleRoles.Owner) return;
        services.AddSingleton<IShardDispatcher, HangfireShardDispatcher>();
        services.AddSingleton<IStageCompletion, ChainNextStage>();
        services.AddHostedService<ShardResumeService>();
    }
}
