using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Present.Email;

namespace Monitor.Present.Tests.Email;

/// <summary>E-mail links use the configured public address; without one they use the host's own and start-up says so.</summary>
[TestClass]
public sealed class EmailBaseUrlTests
{
    [TestMethod]
    public void Email_BaseUrl_wins_over_the_general_public_address()
    {
        var options = new EmailOptions { BaseUrl = "https://mail-links.example.org/" };

        options.ResolveBaseUrl("https://monitor.example.org", "http://127.0.0.1:5080");

        Assert.AreEqual("https://mail-links.example.org", options.BaseUrl);
        Assert.IsTrue(options.BaseUrlConfigured);
    }

    [TestMethod]
    public void The_general_public_address_is_used_when_Email_BaseUrl_is_unset()
    {
        var options = new EmailOptions();

        options.ResolveBaseUrl("https://monitor.example.org", "http://127.0.0.1:5080");

        Assert.AreEqual("https://monitor.example.org", options.BaseUrl);
        Assert.IsTrue(options.BaseUrlConfigured);
    }

    [TestMethod]
    public async Task Without_either_the_host_address_is_used_and_start_up_warns()
    {
        var options = new EmailOptions();
        options.ResolveBaseUrl(null, "http://10.1.2.3:8080; http://127.0.0.1:5080");
        var logger = new ListLogger();

        await new EmailBaseUrlWarning(Options.Create(options), logger).StartAsync(CancellationToken.None);

        Assert.AreEqual("http://10.1.2.3:8080", options.BaseUrl, "not a fixed 127.0.0.1:5080");
        Assert.IsFalse(options.BaseUrlConfigured);
        StringAssert.Contains(logger.Warnings.Single(), "Email:BaseUrl");
    }

    [TestMethod]
    public async Task A_configured_address_starts_without_a_warning()
    {
        var options = new EmailOptions { BaseUrl = "https://monitor.example.org" };
        options.ResolveBaseUrl(null, null);
        var logger = new ListLogger();

        await new EmailBaseUrlWarning(Options.Create(options), logger).StartAsync(CancellationToken.None);

        Assert.IsEmpty(logger.Warnings);
    }

    private sealed class ListLogger : ILogger<EmailBaseUrlWarning>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning) Warnings.Add(formatter(state, exception));
        }
    }
}
