using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Configuration;

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
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            UseStorage(config, options);
        });
        if (options.RunServer)
        {
            // Before the server: runs left "running" by an ended process are marked and their jobs requeued first.
            services.AddHostedService<InterruptedRunRecovery>();
            services.AddHangfireServer(server =>
            {
                server.WorkerCount = Math.Max(1, options.WorkerCount);
                server.SchedulePollingInterval = options.PollInterval;
                // An ended server disappears from the dashboard within a minute instead of five.
                server.HeartbeatInterval = TimeSpan.FromSeconds(10);
                server.ServerTimeout = TimeSpan.FromMinutes(1);
                server.ServerCheckInterval = TimeSpan.FromSeconds(30);
            });
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
                // Fetched jobs stay invisible for a minute, extended by a heartbeat while they run: a job of an ended
                // server is picked up again within a minute, and a long stage is never taken by a second worker.
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(options.ConnectionString),
                    new PostgreSqlStorageOptions { InvisibilityTimeout = TimeSpan.FromMinutes(1), UseSlidingInvisibilityTimeout = true });
                break;
            default:
                throw new InvalidOperationException($"JobStorage:Kind '{options.Kind}' is not one of sqlite, memory, postgres");
        }
    }
}
