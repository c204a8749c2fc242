namespace Monitor.Web;

/// <summary>Builds and runs the web host (dashboard, API, Hangfire server); also used by <c>monitor serve</c> and tests.</summary>
public static class MonitorWebHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddMonitorServices();
        var app = builder.Build();
        app.UseMonitor();
        return app;
    }

    public static int Run(string[] args) => Build(args).RunMonitor();
}
