using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.Core;
using Monitor.Core.Configuration;

namespace Monitor.Cli;

/// <summary>The command line's composition: the store and every stage's services and verbs, no job server.</summary>
public static class CliExtensions
{
    public static HostApplicationBuilder AddMonitorCli(this HostApplicationBuilder builder)
    {
        AppSettings.AddShippedDefaults(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddMonitorStore(builder.Configuration);
        builder.Services.AddMonitorWarn(builder.Configuration);
        return builder;
    }
}
