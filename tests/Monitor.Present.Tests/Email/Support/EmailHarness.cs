using Monitor.Core.Alerts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core;
using Monitor.Core.Cli;
using Monitor.Core.Jobs;
using Monitor.Core.Store;
using Monitor.Present.Charts;
using Monitor.Present.Email;
using Monitor.Present.Email.Delivery;
using Monitor.Present.Email.Subscriptions;
using Monitor.Present.Email.Unsubscribe;

namespace Monitor.Present.Tests.Email.Support;

/// <summary>The e-mail module as the host wires it (AddMonitorEmail), on a given store, clock and SMTP server.</summary>
public sealed class EmailHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public EmailHarness(MonitorStore store, TimeProvider clock, TestSmtpServer? smtp, string? outboxFolder = null, IDictionary<string, string?>? settings = null, Func<IServiceProvider, IMailTransport>? transport = null, IPersonalAlertSource? personal = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Email:From"] = "Monitor <alerts@monitor.test>",
            ["Email:BaseUrl"] = "https://monitor.test",
            ["Email:SmtpHost"] = smtp is null ? "" : "127.0.0.1",
            ["Email:SmtpPort"] = smtp?.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "25",
            ["Email:TlsMode"] = "none",
            ["Email:SmtpTimeout"] = "00:00:10",
            ["Email:OutboxFolder"] = outboxFolder ?? Path.Combine(Path.GetTempPath(), "monitor-tests", "outbox-" + Guid.NewGuid().ToString("N")),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddSingleton(store);
        services.AddSingleton<IChartRenderer>(Charts);
        if (transport is not null) services.AddSingleton(transport);
        if (personal is not null) services.AddSingleton(personal);
        services.AddMonitorStore(configuration);
        services.AddMonitorEmail(configuration);
        _services = services.BuildServiceProvider();
    }

    public PngChartRenderer Charts { get; } = new();

    public IMonitorJob Job => _services.GetServices<IMonitorJob>().Single(j => j.Key == JobKeys.EmailDigest);

    /// <summary>Runs the verb <paramref name="name"/> as the command line would.</summary>
    public Task<int> RunVerb(string name, TextWriter output, params string[] args) => _services.GetCliVerb(name).RunAsync(_services, args, output);

    public SubscriptionStore Subscriptions => _services.GetRequiredService<SubscriptionStore>();

    public Outbox Outbox => _services.GetRequiredService<Outbox>();

    public OutboxSender Sender => _services.GetRequiredService<OutboxSender>();

    public UnsubscribeTokens Tokens => _services.GetRequiredService<UnsubscribeTokens>();

    public Task<string> RunAsync() => Job.RunAsync(CancellationToken.None);

    public void Dispose() => _services.Dispose();
}
