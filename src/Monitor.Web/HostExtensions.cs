using Monitor.Core;
using Monitor.Enterprises;
using Monitor.Core.Configuration;
using Monitor.Ingest;
using Monitor.Core.Store;
using Monitor.Forecast;
using Monitor.Jobs;
using Monitor.Nowcast;
using Monitor.Present;
using Monitor.Web.Api;
using Monitor.Web.Health;
using Monitor.Web.Security;

namespace Monitor.Web;

/// <summary>The web host's composition: every stage, the job server, and the HTTP surface.</summary>
public static class HostExtensions
{
    public static WebApplicationBuilder AddMonitorServices(this WebApplicationBuilder builder)
    {
        AppSettings.AddShippedDefaults(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddMonitorStore(builder.Configuration);
        builder.Services.AddMonitorIngest(builder.Configuration);
        builder.Services.AddMonitorForecast(builder.Configuration);
        builder.Services.AddMonitorJobs(builder.Configuration);
        builder.Services.AddMonitorEmail(builder.Configuration);
        builder.Services.AddMonitorDashboard(builder.Configuration);
        builder.Services.AddMonitorApi(builder.Configuration);
        builder.Services.AddMonitorWarn(builder.Configuration);
        builder.Services.AddMonitorNowcast(builder.Configuration);
        builder.Services.AddMonitorEnterprises(builder.Configuration);
        builder.Services.AddMonitorHealth(builder.Configuration);
        builder.Services.AddMonitorDataProtection(builder.Configuration, builder.Logging);
        return builder;
    }

    public static WebApplication UseMonitor(this WebApplication app)
    {
        app.UseMonitorDashboard();
        app.MapMonitorHealth();
        app.MapSubscriptionsApi();
        app.MapMonitorDashboard();
        app.MapMonitorApi();
        return app;
    }

    /// <summary>Runs the host; a store held by another process or a port in use ends with a one-line reason and exit code 2.</summary>
    public static int RunMonitor(this WebApplication app)
    {
        var urls = app.Configuration[WebHostDefaults.ServerUrlsKey] ?? "the configured address";
        try
        {
            app.Services.GetRequiredService<MonitorStore>().EnsureOpen();
            app.Run();
            return 0;
        }
        catch (StoreUnavailableException ex)
        {
            Console.Error.WriteLine($"monitor: {ex.Message}");
            return 2;
        }
        catch (IOException ex) when (ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"monitor: cannot listen on {urls}: the port is already in use (pass --urls http://127.0.0.1:PORT to choose another)");
            return 2;
        }
    }
}
