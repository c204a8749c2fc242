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
    private static readonly List<RunningHost> Live = [];
    private bool _stopped;

    private RunningHost(WebApplication app, string folder, Uri address)
    {
        _app = app;
        Folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public string Folder { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="folder">An existing folder of an earlier host (a restart); a new temp folder when null.</param>
    public static async Task<RunningHost> StartAsync(bool seeded = true, int signInAttemptsPerMinute = 1000, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, string? folder = null)
    {
        folder ??= TempFolder.Create();
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
            ["DataProtection:KeysFolder"] = Path.Combine(folder, "keys"),
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
        // Hangfire keeps its storage, log provider and activator in process-wide statics that each host replaces: bind
        // this host's job client now; when a short-lived host (a restart test) stops, the hosts still running take the
        // statics back, instead of logging through a disposed logger factory.
        _ = app.Services.GetRequiredService<Hangfire.JobStorage>();
        _ = app.Services.GetRequiredService<Hangfire.IBackgroundJobClient>();

        var users = app.Services.GetRequiredService<UserStore>();
        if (users.Find(PlannerUser) is null) users.Create(PlannerUser, UserPassword, Roles.Planner, "Planner");
        if (users.Find(AnalystUser) is null) users.Create(AnalystUser, UserPassword, Roles.Analyst, "Analyst");
        if (seeded) WebSeed.Fill(app.Services.GetRequiredService<MonitorStore>());

        await app.StartAsync();
        var host = new RunningHost(app, folder, new Uri(app.Urls.Single()));
        lock (Live) Live.Add(host);
        return host;
    }

    /// <summary>A client that keeps cookies and does not follow redirects (so tests see them).</summary>
    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address };

    /// <summary>A client signed in as <paramref name="user"/> through the sign-in form.</summary>
    public async Task<HttpClient> SignedInClient(string user, string? password = null, CookieContainer? cookies = null)
    {
        var client = Client(cookies);
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
        await StopKeepingFilesAsync();
        TempFolder.Delete(Folder);
    }

    /// <summary>Stops the host and releases the store but leaves its folder, for a restart on the same files.</summary>
    public async Task StopKeepingFilesAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
        RunningHost? survivor;
        lock (Live)
        {
            Live.Remove(this);
            survivor = Live.LastOrDefault();
        }
        survivor?.ReclaimHangfireStatics();
    }

    private void ReclaimHangfireStatics()
    {
        Hangfire.JobStorage.Current = Services.GetRequiredService<Hangfire.JobStorage>();
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(
            new Hangfire.AspNetCore.AspNetCoreLogProvider(Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        Hangfire.JobActivator.Current = new Hangfire.AspNetCore.AspNetCoreJobActivator(Services.GetRequiredService<IServiceScopeFactory>());
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
