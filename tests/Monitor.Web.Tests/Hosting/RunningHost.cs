using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Jobs;
using Monitor.Core.Store;
using Monitor.Testing;
using Monitor.Web.Security;
using Monitor.Web.Tests.Seeding;

namespace Monitor.Web.Tests.Hosting;

/// <summary>
/// The real web host (HostExtensions, as Program.cs composes it) on a free loopback port, with a DuckDB file in a temp
/// folder, in-memory job storage, a known admin, a planner and an analyst, and optionally the seeded store.
/// </summary>
public sealed partial class RunningHost : IAsyncDisposable
{
    public const string AdminUser = "boss";
    public const string AdminPassword = "admin-pass-for-tests";
    public const string PlannerUser = "plan";
    public const string AnalystUser = "ana";
    public const string UserPassword = "user-pass-for-tests";

    private readonly WebApplication _app;

    private RunningHost(WebApplication app, string folder, Uri address)
    {
        _app = app;
        Folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public string Folder { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<RunningHost> StartAsync(bool seeded = true, int signInAttemptsPerMinute = 1000, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var folder = TempFolder.Create();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Path.Combine(RepoPaths.Root, "src", "Monitor.Web"),
            EnvironmentName = "Production",
            // The pages are compiled into Monitor.Web; the application name tells MVC where to find them.
            ApplicationName = typeof(HostExtensions).Assembly.GetName().Name,
        });
        var values = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Store:Path"] = Path.Combine(folder, "monitor.duckdb"),
            ["Store:MemoryLimit"] = "512MB",
            ["JobStorage:Kind"] = "memory",
            ["JobStorage:RunServer"] = "false",
            ["MONITOR_ADMIN_USER"] = AdminUser,
            ["MONITOR_ADMIN_PASSWORD"] = AdminPassword,
            ["Security:SignInAttemptsPerMinute"] = signInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        builder.Configuration.AddInMemoryCollection(values);
        builder.AddMonitorServices();
        builder.Services.AddSingleton<IMonitorJob, NoopJob>();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseMonitor();

        var users = app.Services.GetRequiredService<UserStore>();
        users.Create(PlannerUser, UserPassword, Roles.Planner, "Planner");
        users.Create(AnalystUser, UserPassword, Roles.Analyst, "Analyst");
        if (seeded) WebSeed.Fill(app.Services.GetRequiredService<MonitorStore>());

        await app.StartAsync();
        return new RunningHost(app, folder, new Uri(app.Urls.Single()));
    }

    /// <summary>A client that keeps cookies and does not follow redirects (so tests see them).</summary>
    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address };

    /// <summary>A client signed in as <paramref name="user"/> through the sign-in form.</summary>
    public async Task<HttpClient> SignedInClient(string user, string? password = null)
    {
        var client = Client();
        var response = await SignIn(client, user, password ?? (user == AdminUser ? AdminPassword : UserPassword));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in as {user} failed: {(int)response.StatusCode}");
        return client;
    }

    public static async Task<HttpResponseMessage> SignIn(HttpClient client, string user, string password)
    {
        var token = await TokenFrom(client, "/Account/SignIn");
        return await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user, ["password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>Posts a form to <paramref name="target"/> with the anti-forgery token taken from <paramref name="formPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostForm(HttpClient client, string formPage, string target, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenFrom(client, formPage);
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>The anti-forgery token of the first form on a page.</summary>
    public static async Task<string> TokenFrom(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return TokenPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"no anti-forgery token on {path}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        TempFolder.Delete(Folder);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>A registered job for the Data page's "run now" (the real stages are registered by their own modules).</summary>
public sealed class NoopJob : IMonitorJob
{
    public const string JobKey = "test:noop";

    public string Key => JobKey;

    public string Name => "No-op test job";

    public string? DefaultCron => null;

    public Task<string> RunAsync(CancellationToken cancellationToken) => Task.FromResult("nothing to do");
}
