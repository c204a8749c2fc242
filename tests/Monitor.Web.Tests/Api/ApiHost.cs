using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using DuckDB.NET.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Monitor.Core;
using Monitor.Core.Store;
using Monitor.Web.Api;
using Monitor.Web.Api.Keys;
using static Monitor.Testing.StoreSql;

namespace Monitor.Web.Tests.Api;

/// <summary>
/// The API on a real Kestrel port over an in-memory store seeded with a small catalogue, vintages, forecasts, warnings
/// and three users (planner, analyst, admin) each with an API key.
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }
    public MonitorStore Store => _app.Services.GetRequiredService<MonitorStore>();
    public ApiKeyStore Keys => _app.Services.GetRequiredService<ApiKeyStore>();
    public string PlannerKey { get; private set; } = "";
    public string AnalystKey { get; private set; } = "";

    /// <param name="withCookies">Also register the dashboard's cookie scheme (as the default) and a route that uses it.</param>
    public static async Task<ApiHost> StartAsync(bool withCookies = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["Store:Path"] = ":memory:";
        builder.Configuration["Store:MemoryLimit"] = "256MB";
        builder.Services.AddMonitorStore(builder.Configuration);
        // The API reads module views (alert_group_members) as the dashboard host does, where the modules register them.
        builder.Services.AddSchema(Monitor.Web.Tests.Seeding.WebSchemas.All);
        builder.Services.AddMonitorApi(builder.Configuration);
        if (withCookies) builder.Services.AddAuthentication(ApiAuthentication.CookieScheme).AddCookie(ApiAuthentication.CookieScheme);
        var app = builder.Build();
        app.MapMonitorApi();
        if (withCookies) app.MapGet("/api/v1/cookie-default", () => "ok").RequireAuthorization(Monitor.Web.Security.Policies.Read);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var host = new ApiHost(app, new HttpClient { BaseAddress = new Uri(address) });
        host.Seed();
        return host;
    }

    public HttpRequestMessage Get(string path, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null) request.Headers.Add(ApiKeyAuthenticationHandler.Header, key);
        return request;
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? key = null) => Client.SendAsync(Get(path, key ?? AnalystKey));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Seed()
    {
        using (var connection = Store.Open())
        {
            Execute(connection, """
                INSERT INTO users (user_name, password_hash, role) VALUES ('pat', 'x', 'planner'), ('ana', 'x', 'analyst'), ('adm', 'x', 'admin');
                INSERT INTO series (series_id, dataset, code, name, name_zh, domain, region_code, industry_code, frequency, unit) VALUES
                  ('nbs:cpi', 'nbs', 'cpi', 'CPI', '居民消费价格指数', 'macro', NULL, NULL, 'M', '%'),
                  ('nbs:ppi', 'nbs', 'ppi', 'PPI', '工业生产者出厂价格指数', 'macro', NULL, NULL, 'M', '%'),
                  ('prov:gdp:44', 'prov', 'gdp', 'GDP Guangdong', '广东省地区生产总值', 'regional', '44', NULL, 'Q', '亿元'),
                  ('prov:gdp:11', 'prov', 'gdp', 'GDP Beijing', '北京市地区生产总值', 'regional', '11', NULL, 'Q', '亿元'),
                  ('ind:out:C26', 'ind', 'out', 'Chemicals output', '化学原料产量', 'industry', NULL, 'C26', 'M', NULL);
                INSERT INTO observations VALUES
                  ('nbs:cpi', DATE '2024-01-01', 0.3, TIMESTAMP '2024-02-10', TIMESTAMP '2024-03-10', 1),
                  ('nbs:cpi', DATE '2024-01-01', 0.4, TIMESTAMP '2024-03-10', NULL, 2),
                  ('nbs:cpi', DATE '2024-02-01', 0.7, TIMESTAMP '2024-03-10', NULL, 2);
                INSERT INTO forecast_runs VALUES (1, TIMESTAMP '2024-03-11', TIMESTAMP '2024-03-11 01:00:00', 'succeeded', 2, NULL);
                INSERT INTO forecasts VALUES
                  (1, 'nbs:cpi', 'ets', '1', DATE '2024-02-01', TIMESTAMP '2024-03-10', 1, DATE '2024-03-01', 0.5, 0.2, 0.8, 0.0, 1.0, NULL),
                  (1, 'nbs:cpi', 'ets', '1', DATE '2024-02-01', TIMESTAMP '2024-03-10', 2, DATE '2024-04-01', -0.1, -0.5, 0.3, -0.8, 0.6, NULL),
                  (1, 'prov:gdp:44', 'theta', '1', DATE '2023-10-01', TIMESTAMP '2024-01-20', 1, DATE '2024-01-01', 3000, 2900, 3100, 2800, 3200, NULL);
                INSERT INTO forecast_accuracy VALUES (1, 'nbs:cpi', 'ets', 12.5, 0.9, 0.8, 0.95, 10, 'out-of-sample');
                INSERT INTO anomalies VALUES
                  ('nbs:cpi', DATE '2024-02-01', 'interval', 3.2, 0.7, 0.3, 0.1, 0.5, 'above the 95 % interval', '高于95%区间', 1, TIMESTAMP '2024-03-11');
                INSERT INTO signal_lights VALUES
                  ('nbs:cpi', DATE '2024-01-01', 1, 0.4, 3, 'green', TIMESTAMP '2024-03-11'),
                  ('nbs:cpi', DATE '2024-02-01', 1, 0.7, 4, 'yellow', TIMESTAMP '2024-03-11'),
                  ('nbs:cpi', DATE '2024-02-01', 2, 0.7, 5, 'red', TIMESTAMP '2024-03-12');
                INSERT INTO composite_readings VALUES
                  ('warning_index', DATE '2024-01-01', 28, 'green', TIMESTAMP '2024-03-11'),
                  ('warning_index', DATE '2024-02-01', 33, 'yellow', TIMESTAMP '2024-03-11');
                INSERT INTO composite_contributions VALUES
                  ('warning_index', DATE '2024-01-01', 'nbs:cpi', 3.0),
                  ('warning_index', DATE '2024-02-01', 'nbs:cpi', 4.0),
                  ('warning_index', DATE '2024-02-01', 'nbs:ppi', 2.0);
                INSERT INTO turning_points VALUES ('leading', DATE '2020-02-01', 'peak'), ('leading', DATE '2020-05-01', 'trough');
                INSERT INTO alerts VALUES
                  (1, 'light_red:nbs:cpi', 'light_red', 'nbs:cpi', DATE '2024-02-01', 'critical', 'red', 'open', 'CPI turned red', 'CPI 亮红灯', NULL, NULL,
                   TIMESTAMP '2024-03-12', TIMESTAMP '2024-03-12', NULL, NULL, NULL);
                """);
        }
        PlannerKey = Keys.Create("pat", "planner laptop").Key;
        AnalystKey = Keys.Create("ana", "analyst notebook").Key;
    }
}
