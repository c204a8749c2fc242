using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Jobs;
using Monitor.Core.Store;
using Monitor.Nowcast;
using Monitor.Present.Email.Digest;
using Monitor.Present.Email.Subscriptions;
using Monitor.Testing;

namespace Monitor.Web.Tests.Hosting;

/// <summary>The nowcast alert through the real host: the registered nowcast job, Warn's alert store, the Alerts page and the e-mail digests' reader.</summary>
[TestClass]
public sealed class NowcastAlertHostTests
{
    [TestMethod]
    public async Task A_nowcast_that_moves_opens_an_alert_on_the_alerts_page_and_for_e_mail_subscribers()
    {
        await using var host = await RunningHost.StartAsync(seeded: false, services: s => s.PostConfigure<NowcastOptions>(TestTarget));
        var store = host.Services.GetRequiredService<MonitorStore>();
        var data = NowcastTestPanel.Simulate(150);
        NowcastTestPanel.Load(store, data, upTo: 147);
        var subscription = host.Services.GetRequiredService<SubscriptionStore>().Create(
            new SubscriptionDraft { Address = "planner@example.test", SeriesId = NowcastTestPanel.Gdp, MinSeverity = "warning", Cadence = "immediate" }, RunningHost.AdminUser);
        var job = host.Services.GetServices<IMonitorJob>().Single(j => j.Key == JobKeys.Nowcast);

        var first = await job.RunAsync(CancellationToken.None);
        NowcastTestPanel.Release(store, data, month: 148, [0, 1, 2], new DateTime(2025, 1, 20, 0, 0, 0, DateTimeKind.Utc));
        var second = await job.RunAsync(CancellationToken.None);

        StringAssert.Contains(first, "host_gdp 2024Q2", "the first run nowcasts the quarter after the last published one");
        using var admin = await host.SignedInClient(RunningHost.AdminUser);
        using var response = await admin.GetAsync("/Alerts?rule=nowcast_move");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.Contains(page, "主机测试 GDP 2024Q2 即时预测", second);
        var events = host.Services.GetRequiredService<DigestEventReader>().Read(subscription).Events;
        var opened = events.Single(e => e.Rule == "nowcast_move");
        Assert.AreEqual("opened", opened.Event);
        StringAssert.StartsWith(opened.Title, "Nowcast of Host test GDP 2024Q2");
    }

    /// <summary>Only the simulated target (the appsettings targets have no data here), with a threshold any update crosses.</summary>
    private static void TestTarget(NowcastOptions options)
    {
        options.AlertMove = 0.01;
        options.ReplayQuarters = 2;
        options.MaxIterations = 30;
        options.Targets =
        [
            new NowcastTargetOptions
            {
                Code = "host_gdp", Name = "Host test GDP", NameZh = "主机测试 GDP", Target = NowcastTestPanel.Gdp, TargetTransform = "level",
                Aggregation = "mariano-murasawa", Unit = "%",
                Indicators = [.. Enumerable.Range(0, 6).Select(i => new NowcastIndicatorOptions { Series = NowcastTestPanel.Monthly(i), Block = "real" })],
            },
        ];
    }
}
