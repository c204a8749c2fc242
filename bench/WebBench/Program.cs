using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;
using Monitor.Core.Store;
using Monitor.Web;
using WebBench;

// Dashboard load benchmark: the real host on a store of N series, driven by wrk on loopback, beside Kestrel serving a
// static copy of the overview page (same bytes) as the ceiling. Usage: dotnet run -c Release --project bench/WebBench -- [--series 10000] [--seconds 30] [--connections 32]
// With --board 1: issue #15's figures on the three real datasets (BoardBench; datasets from MONITOR_DATASETS, else ../shared/datasets).
var options = Args(args);
var seriesCount = options.GetValueOrDefault("series", 10_000);
var seconds = options.GetValueOrDefault("seconds", 30);
var connections = options.GetValueOrDefault("connections", 32);
var folder = Path.Combine(Path.GetTempPath(), "monitor-webbench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    var password = Guid.NewGuid().ToString("N");
    var app = BuildHost(folder, password);
    if (options.ContainsKey("board"))
    {
        await app.StartAsync();
        var (boardClient, _) = await SignIn(app.Urls.Single(), password);
        var datasets = Environment.GetEnvironmentVariable("MONITOR_DATASETS") is { Length: > 0 } d ? d : Path.Combine(FindRoot(), "..", "shared", "datasets");
        await BoardBench.RunAsync(app.Services, boardClient, datasets);
        await app.StopAsync();
        return;
    }
    var clock = Stopwatch.StartNew();
    var ids = BenchStore.Fill(app.Services.GetRequiredService<MonitorStore>(), seriesCount);
    Console.WriteLine($"store: {ids.Count:N0} series × {BenchStore.Months} months filled in {clock.Elapsed.TotalSeconds:0.0} s");
    await app.StartAsync();
    var address = app.Urls.Single();
    var (client, cookie) = await SignIn(address, password);

    // Measured without the host's re-check interval: what one read of the store costs.
    var token = new Monitor.Present.Charts.StoreChangeToken(app.Services.GetRequiredService<MonitorStore>());
    var tokenClock = Stopwatch.StartNew();
    for (var i = 0; i < 100; i++) token.Current();
    Console.WriteLine($"store change token: {tokenClock.Elapsed.TotalMilliseconds / 100:0.00} ms a read");
    var overviewHtml = await Timed(client, "/", "overview, first request (cold caches)");
    for (var i = 0; i < 3; i++) await Timed(client, "/", "overview, warm");
    var sample = ids.Take(12).Concat(ids.Skip(12).Where((_, i) => i % 100 == 0).Take(88)).ToList();
    var cold = new List<double>();
    foreach (var id in sample) cold.Add(await TimedMs(client, "/Indicator?id=" + Uri.EscapeDataString(id)));
    Console.WriteLine($"indicator, first request of {sample.Count} pages: median {Median(cold):0.0} ms, max {cold.Max():0.0} ms");

    var staticHost = await StaticHost(folder, overviewHtml);
    var script = Path.Combine(folder, "indicators.lua");
    File.WriteAllText(script, "ids = {" + string.Join(",", sample.Select(i => $"\"{Uri.EscapeDataString(i)}\"")) + "}\ncounter = 0\n" +
        "request = function()\n  counter = counter + 1\n  return wrk.format(\"GET\", \"/Indicator?id=\" .. ids[(counter % #ids) + 1])\nend\n");

    Console.WriteLine($"wrk -t2 -c{connections} -d{seconds}s --latency (loopback, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}); overview page {overviewHtml.Length / 1024} KB");
    var results = new[]
    {
        Wrk.Run("static copy of overview (Kestrel)", staticHost.Urls.Single() + "/overview.html", null, connections, seconds),
        Wrk.Run("overview /", address + "/", cookie, connections, seconds),
        Wrk.Run($"indicator pages ({sample.Count} rotating)", address + "/", cookie, connections, seconds, script),
        // What a browser fetches the first time it sees a stamp (afterwards it keeps the versioned image).
        Wrk.Run("one card chart (versioned SVG)", address + WebUtility.HtmlDecode(Regex.Match(overviewHtml, "<img src=\"(/charts/[^\"]+)\"").Groups[1].Value),
            cookie, connections, seconds),
    };
    Console.WriteLine($"{"what",-40} {"p50 ms",8} {"p99 ms",8} {"req/s",9} {"errors",7} {"p99 / static",13}");
    foreach (var r in results)
        Console.WriteLine($"{r.Name,-40} {r.P50Ms,8:0.00} {r.P99Ms,8:0.00} {r.RequestsPerSecond,9:0} {r.Errors,7} {r.P99Ms / results[0].P99Ms,13:0.0}");
    await staticHost.StopAsync();
    await app.StopAsync();
}
finally
{
    try { Directory.Delete(folder, true); } catch (IOException) { }
}

static WebApplication BuildHost(string folder, string password)
{
    var root = FindRoot();
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        ContentRootPath = Path.Combine(root, "src", "Monitor.Web"),
        ApplicationName = typeof(HostExtensions).Assembly.GetName().Name,
        EnvironmentName = "Production",
    });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Urls"] = "http://127.0.0.1:0",
        ["Store:Path"] = Path.Combine(folder, "bench.duckdb"),
        ["JobStorage:Kind"] = "memory",
        ["JobStorage:RunServer"] = "false",
        ["MONITOR_ADMIN_USER"] = "bench",
        ["MONITOR_ADMIN_PASSWORD"] = password,
        ["Logging:LogLevel:Default"] = "Warning",
    });
    builder.AddMonitorServices();
    var app = builder.Build();
    app.UseMonitor();
    return app;
}

static async Task<WebApplication> StaticHost(string folder, string html)
{
    var web = Path.Combine(folder, "static");
    Directory.CreateDirectory(web);
    await File.WriteAllTextAsync(Path.Combine(web, "overview.html"), html);
    var builder = WebApplication.CreateSlimBuilder();
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    var app = builder.Build();
    app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(web) });
    await app.StartAsync();
    return app;
}

static async Task<(HttpClient Client, string Cookie)> SignIn(string address, string password)
{
    var cookies = new CookieContainer();
    var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
    var form = await client.GetStringAsync("/Account/SignIn");
    var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    using var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["userName"] = "bench", ["password"] = password, ["__RequestVerificationToken"] = token,
    }));
    if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException("sign-in failed");
    var auth = cookies.GetCookies(new Uri(address)).Single(c => c.Name == "monitor.auth");
    return (client, $"monitor.auth={auth.Value}; monitor.lang=zh");
}

static async Task<string> Timed(HttpClient client, string path, string label)
{
    var clock = Stopwatch.StartNew();
    using var response = await client.GetAsync(path);
    var body = await response.Content.ReadAsStringAsync();
    if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
    Console.WriteLine($"{label}: {clock.Elapsed.TotalMilliseconds:0.0} ms, {body.Length / 1024} KB");
    return body;
}

static async Task<double> TimedMs(HttpClient client, string path)
{
    var clock = Stopwatch.StartNew();
    using var response = await client.GetAsync(path);
    await response.Content.ReadAsByteArrayAsync();
    if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
    return clock.Elapsed.TotalMilliseconds;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln"))) return dir.FullName;
    throw new InvalidOperationException("Monitor.sln not found");
}

static Dictionary<string, int> Args(string[] args)
{
    var result = new Dictionary<string, int>();
    for (var i = 0; i + 1 < args.Length; i += 2)
        result[args[i].TrimStart('-')] = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    return result;
}
