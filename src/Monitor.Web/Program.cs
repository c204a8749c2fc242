using Monitor.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddMonitorServices();

var app = builder.Build();
app.UseMonitor();

return app.RunMonitor();
