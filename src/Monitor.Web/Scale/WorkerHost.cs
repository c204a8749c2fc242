using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Monitor.Core;
using Monitor.Core.Configuration;
using Monitor.Core.Scale;
using Monitor.Enterprises;
using Monitor.Forecast;
using Monitor.Jobs;
using Monitor.Nowcast;

namespace Monitor.Web.Scale;

/// <summary>
/// A shard worker (`monitor worker`, or this host with Scale:Role=worker): a Hangfire server on the shared job storage that takes only "shards" jobs, computing them with the same
/// stage code as the embedded path, with no web and no store (the stages never open it on this side).
/// </summary>
public static class WorkerHost
{
    public static IHost Build(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = Directory.GetCurrentDirectory() });
        AppSettings.AddShippedDefaults(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>($"{ScaleOptions.Section}:{nameof(ScaleOptions.Role)}", ScaleRoles.Worker)]);
        builder.Services.AddMonitorStore(builder.Configuration);
        builder.Services.AddMonitorForecast(builder.Configuration);
        builder.Services.AddMonitorEnterprises(builder.Configuration);
        builder.Services.AddMonitorWarn(builder.Configuration);
        builder.Services.AddNowcastEvaluationShards();
        builder.Services.AddMonitorJobs(builder.Configuration);
        return builder.Build();
    }

    /// <summary>Runs until stopped (Ctrl+C or SIGTERM); returns the exit code.</summary>
    public static int Run(string[] args)
    {
        using var host = Build(args);
        host.Run();
        return 0;
    }
}
