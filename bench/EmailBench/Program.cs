using System.Diagnostics;
using System.Globalization;
using EmailBench;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core;
using Monitor.Core.Jobs;
using Monitor.Core.Store;
using Monitor.Present;
using Monitor.Present.Charts;
using Monitor.Present.Email.Store;
using Monitor.Present.Email.Subscriptions;

// dotnet run -c Release --project bench/EmailBench -- [subscriptions=300] [rounds=3]
// One run of the every-minute digest job over N subscriptions (30 series, 100 new alerts, 3 charts per digest):
// idle (nothing due), due with .eml files, due with an in-process SMTP server. Medians over the rounds.
var subscriptions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var subscribed = new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero);
var due = new DateTimeOffset(2026, 11, 30, 0, 0, 30, TimeSpan.Zero);

var results = new Dictionary<string, List<double>>();
void Record(string name, double ms) => (results.TryGetValue(name, out var list) ? list : results[name] = []).Add(ms);

for (var round = 0; round < rounds; round++)
{
    foreach (var smtp in new[] { false, true })
    {
        var folder = Path.Combine(Path.GetTempPath(), "email-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using var sink = smtp ? new SinkSmtpServer() : null;
        using (var store = new MonitorStore(new StoreOptions { Path = Path.Combine(folder, "bench.duckdb") }, EmailSchema.Scripts))
        {
            var clock = new ManualClock(subscribed);
            var charts = new BenchChartRenderer();
            using var services = Services(store, clock, charts, sink, Path.Combine(folder, "outbox"));
            var job = services.GetServices<IMonitorJob>().Single(j => j.Key == JobKeys.EmailDigest);
            var subscriptionStore = services.GetRequiredService<SubscriptionStore>();
            for (var i = 0; i < subscriptions; i++)
                subscriptionStore.Create(new SubscriptionDraft { Address = $"reader{i}@example.cn", Language = i % 2 == 0 ? "zh" : "en" }, null);
            BenchData.Seed(store, series: 30, alerts: 100, at: subscribed.UtcDateTime.AddHours(2));

            clock.Now = subscribed.AddHours(3);
            Record("idle pass (nothing due)", Time(job));
            clock.Now = due;
            var dueMs = Time(job);
            Record(smtp ? "due pass, SMTP" : "due pass, .eml", dueMs);
            Record(smtp ? "per digest, SMTP" : "per digest, .eml", dueMs / subscriptions);
            if (smtp && sink!.Received != subscriptions) throw new InvalidOperationException($"SMTP got {sink.Received} of {subscriptions} in the due pass");
            Record("charts drawn per due pass", charts.Calls);
            clock.Now = due.AddMinutes(1);
            Record("pass after the digests went out", Time(job));
        }
        Directory.Delete(folder, recursive: true);
    }
}

Console.WriteLine($"email digest job, {subscriptions} subscriptions, 30 series, 100 new alerts, {rounds} rounds (median; ms unless a count)");
foreach (var (name, values) in results)
    Console.WriteLine($"  {name,-34} {Median(values),10:F1}   [{string.Join(", ", values.Select(v => v.ToString("F1", CultureInfo.InvariantCulture)))}]");
var eml = Median(results["due pass, .eml"]);
var viaSmtp = Median(results["due pass, SMTP"]);
Console.WriteLine($"  SMTP / .eml due pass ratio: {viaSmtp / eml:F2}");
return 0;

static double Time(IMonitorJob job)
{
    var watch = Stopwatch.StartNew();
    job.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
    return watch.Elapsed.TotalMilliseconds;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static ServiceProvider Services(MonitorStore store, TimeProvider clock, IChartRenderer charts, SinkSmtpServer? sink, string outbox)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Email:SmtpHost"] = sink is null ? "" : "127.0.0.1",
        ["Email:SmtpPort"] = sink?.Port.ToString(CultureInfo.InvariantCulture) ?? "25",
        ["Email:TlsMode"] = "none",
        ["Email:OutboxFolder"] = outbox,
        ["Email:BaseUrl"] = "https://monitor.example",
        ["Email:From"] = "Monitor <alerts@monitor.example>",
    }).Build();
    var services = new ServiceCollection();
    services.AddLogging();
    services.AddSingleton(clock);
    services.AddSingleton(store);
    services.AddSingleton(charts);
    services.AddMonitorStore(configuration);
    services.AddMonitorEmail(configuration);
    return services.BuildServiceProvider();
}
