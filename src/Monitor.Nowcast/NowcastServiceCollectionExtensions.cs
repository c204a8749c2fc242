using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Core;
using Monitor.Core.Cli;
using Monitor.Core.Jobs;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Nowcast.Cli;
using Monitor.Nowcast.Evaluation.Shards;
using Monitor.Nowcast.Job;

namespace Monitor.Nowcast;

/// <summary>Registers the nowcast stage: options ("Nowcast"), its tables, the nowcast job, the nowcast and evaluate-nowcast verbs and the sharded evaluation.</summary>
public static class NowcastServiceCollectionExtensions
{
    /// <summary>The module's own tables (nowcasts, nowcast_news, nowcast_inputs).</summary>
    public static IEnumerable<SchemaScript> Schema => SchemaScript.FromEmbedded(typeof(NowcastServiceCollectionExtensions).Assembly, "nowcast");

    public static IServiceCollection AddMonitorNowcast(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NowcastOptions>().Bind(configuration.GetSection(NowcastOptions.Section));
        services.AddSchema(Schema);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NowcastStore>();
        services.AddSingleton<IMonitorJob, NowcastJob>();
        RunJobCommand.Register(services, "nowcast", JobKeys.Nowcast, "re-nowcast every target whose inputs have a newer vintage");
        services.AddCliVerb<EvaluateNowcastCommand>();
        return services.AddNowcastEvaluationShards();
    }

    /// <summary>The sharded nowcast evaluation alone: what a worker needs to compute its shards (no store, no job).</summary>
    public static IServiceCollection AddNowcastEvaluationShards(this IServiceCollection services)
    {
        services.TryAddSingleton<NowcastEvaluationShardStage>();
        services.AddSingleton<IShardedStage>(sp => sp.GetRequiredService<NowcastEvaluationShardStage>());
        return services;
    }
}
