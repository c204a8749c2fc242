using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Configuration;
using Monitor.Core.Scale;
using Monitor.Jobs.Scale;

namespace Monitor.Jobs;

/// <summary>Registers Hangfire on the configured storage, the dispatcher, and the recurring-job registrar.</summary>
public static class JobsServiceCollectionExtensions
{
    public static IServiceCollection AddMonitorJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(JobStorageOptions.Section).Get<JobStorageOptions>() ?? new JobStorageOptions();
        services.AddOptions<JobStorageOptions>().Bind(configuration.GetSection(JobStorageOptions.Section));
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section));
        services.AddTransient<JobDispatcher>();
        var role = configuration.GetSection(ScaleOptions.Section).Get<ScaleOptions>()?.Role ?? ScaleRoles.Embedded;
        ScaleJobsExtensions.AddScaleRole(services, role);
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            UseStorage(config, options);
        });
        if (options.RunServer)
        {
            // Before the server: runs left "running" by an ended process are marked and their jobs requeued first (not on a
            // shard worker, which has no store).
            if (role != ScaleRoles.Worker) services.AddHostedService<InterruptedRunRecovery>();
            services.AddHangfireServer(server =>
            {
                server.WorkerCount = Math.Max(1, options.WorkerCount);
                server.SchedulePollingInterval = options.PollInterval;
                server.Queues = ScaleJobsExtensions.Queues(role);
                // An ended server disappears from the dashboard within a minute instead of five.
                server.HeartbeatInterval = TimeSpan.FromSeconds(10);
                server.ServerTimeout = TimeSpan.FromMinutes(1);
                server.ServerCheckInterval = TimeSpan.FromSeconds(30);
            });
            if (role == ScaleRoles.Worker) return services;  // a worker computes shards only: no schedules, no store
            services.AddHostedService<RecurringJobRegistrar>();
            services.AddHostedService<FirstStartSeeder>();
        }
        return services;
    }

    private static void UseStorage(IGlobalConfiguration config, JobStorageOptions options)
    {
        switch (options.Kind)
        {
            case "memory":
                config.UseInMemoryStorage();
                break;
            case "sqlite":
                var path = MonitorPaths.Resolve(options.SqlitePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                // This storage has no heartbeat for fetched jobs, so its invisibility timeout stays long (a short one would hand
                // a long forecast to a second worker); a job of a crashed host is requeued when the host starts again.
                config.UseSQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
                break;
            case "postgres":
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                    throw new InvalidOperationException("JobStorage:Kind is 'postgres' but JobStorage:ConnectionString is not set (put it in the environment: JobStorage__ConnectionString)");
                // Fetched jobs stay invisible for a while, extended by a heartbeat while they run: a job of an ended
                // server (a killed shard worker too) is picked up again after InvisibilityTimeout, and a long stage is never
                // taken by a second worker.
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(options.ConnectionString), new PostgreSqlStorageOptions
                {
                    SchemaName = options.Schema,
                    QueuePollInterval = TimeSpan.FromMilliseconds(500),
                    InvisibilityTimeout = options.InvisibilityTimeout,
                    UseSlidingInvisibilityTimeout = true,
                });
                break;
            default:
                throw new InvalidOperationException($"JobStorage:Kind '{options.Kind}' is not one of sqlite, memory, postgres");
        }
    }
}
