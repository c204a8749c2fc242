using Monitor.Core.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Present.Email.Store;
using Monitor.Present.Email.Subscriptions;
using Monitor.Present.Tests.Email.Support;
using Monitor.Testing;

namespace Monitor.Present.Tests.Email.Digest;

/// <summary>Digests use the dashboard's alert groups: a late source is one heading, groups by priority, nothing dropped.</summary>
[TestClass]
public sealed class GroupedDigestTests
{
    private static readonly DateTimeOffset Subscribed = new(2026, 11, 29, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DigestTime = new(2026, 11, 30, 0, 0, 30, TimeSpan.Zero);

    [TestMethod]
    public async Task A_late_source_is_one_group_listed_after_a_higher_priority_alert_and_links_to_the_rest()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        var store = test.Store;
        var clock = new FakeTimeProvider(Subscribed);
        using var smtp = TestSmtpServer.Accepting();
        using var email = new EmailHarness(store, clock, smtp);
        email.Subscriptions.Create(new SubscriptionDraft { Address = "planner@example.cn" }, null);
        AlertSeed.Series(store, "fred_md:PAYEMS", "Payrolls", "非农就业");
        var payrolls = AlertSeed.Open(store, "fred_md:PAYEMS", "critical", "blue", "Payrolls overcooling", "非农就业 过冷", Subscribed.AddHours(1));
        AlertSeed.Group(store, payrolls, "family:US:fred_md:PAYEMS", "family", "Payrolls", "非农就业", 1.5);
        for (var i = 0; i < 8; i++)
        {
            AlertSeed.Series(store, $"fred_md:S{i}", $"Series {i}", $"序列{i}");
            var late = AlertSeed.Open(store, $"fred_md:S{i}", "warning", null, $"Series {i}: data not arrived", $"序列{i} 数据未到", Subscribed.AddHours(2 + i));
            AlertSeed.Group(store, late, "source:fred_md", "source", "fred_md", "fred_md", 0.25);
        }

        clock.SetUtcNow(DigestTime);
        await email.RunAsync();

        var text = smtp.To("planner@example.cn").Single().TextBody ?? "";
        var source = text.IndexOf("■ 数据未到：fred_md（8 条变化）", StringComparison.Ordinal);
        Assert.IsGreaterThan(0, source, text);
        Assert.IsLessThan(source, text.IndexOf("非农就业 过冷", StringComparison.Ordinal), "critical × 1.5 comes before warning × 0.25");
        Assert.AreEqual(5, Enumerable.Range(0, 8).Count(i => text.Contains($"序列{i} 数据未到", StringComparison.Ordinal)), "five members listed");
        StringAssert.Contains(text, "本组另有 3 条变化: https://monitor.test/Alerts?group=source%3Afred_md", "the rest are counted and linked");
        var html = smtp.To("planner@example.cn").Single().HtmlBody ?? "";
        StringAssert.Contains(html, "href=\"https://monitor.test/Alerts?group=source%3Afred_md\"");
    }

    [TestMethod]
    public async Task Personal_alerts_left_out_of_a_digest_link_to_their_own_page_not_to_the_alerts_page()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        var clock = new FakeTimeProvider(Subscribed);
        using var smtp = TestSmtpServer.Accepting();
        var watched = Enumerable.Range(1, 7).Select(i => new PersonalAlert($"watch:{i}", Subscribed.AddHours(i).UtcDateTime, "warning", null,
            $"Watched firm {i}: sharp fall", $"重点企业 企业{i}：骤降", null, null, "Watched firms", "重点企业名单", "/Enterprises#watchlist")).ToList();
        using var email = new EmailHarness(test.Store, clock, smtp, personal: new FixedPersonalAlerts("analyst", watched));
        email.Subscriptions.Create(new SubscriptionDraft { Address = "analyst@example.cn" }, "analyst");

        clock.SetUtcNow(DigestTime);
        await email.RunAsync();

        var message = smtp.To("analyst@example.cn").Single();
        StringAssert.Contains(message.TextBody, "本组另有 2 条变化: https://monitor.test/Enterprises#watchlist");
        StringAssert.Contains(message.HtmlBody, "href=\"https://monitor.test/Enterprises#watchlist\"");
        Assert.DoesNotContain("/Alerts?group=", message.HtmlBody ?? "");
    }

    /// <summary>A personal alert source that holds one user's alerts.</summary>
    private sealed class FixedPersonalAlerts(string user, IReadOnlyList<PersonalAlert> alerts) : IPersonalAlertSource
    {
        public IReadOnlyList<PersonalAlert> Read(string userName, DateTime afterUtc, DateTime untilUtc) =>
            userName == user ? alerts.Where(a => a.RaisedAt > afterUtc && a.RaisedAt <= untilUtc).ToList() : [];
    }
}
