using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.Cli.Backup;
using Monitor.Cli.Samples;
using Monitor.Core.Cli;
using Monitor.Core;
using Monitor.Enterprises;
using Monitor.Core.Configuration;
using Monitor.Ingest;
using Monitor.Present;
using Monitor.Forecast;
using Monitor.Nowcast;
using Monitor.Present.Export;

namespace Monitor.Cli;

/// <summary>The command line's composition: the store and every stage's services and verbs, no job server.</summary>
public static class CliExtensions
{
    public static HostApplicationBuilder AddMonitorCli(this HostApplicationBuilder builder)
    {
        AppSettings.AddShippedDefaults(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddMonitorStore(builder.Configuration);
        builder.Services.AddCliVerb<SamplesCommand>();
        builder.Services.AddCliVerb<ServeCommand>();
        builder.Services.AddCliVerb<WorkerCommand>();
        builder.Services.AddCliVerb<StatusCommand>();
        builder.Services.AddCliVerb<BackupCommand>();
        builder.Services.AddCliVerb<RestoreCommand>();
        builder.Services.AddMonitorIngest(builder.Configuration);
        builder.Services.AddMonitorEmail(builder.Configuration);
        builder.Services.AddMonitorForecast(builder.Configuration);
        builder.Services.AddMonitorExport(builder.Configuration);
        builder.Services.AddMonitorWarn(builder.Configuration);
        builder.Services.AddMonitorNowcast(builder.Configuration);
        builder.Services.AddMonitorEnterprises(builder.Configuration);
        return builder;
    }
}
