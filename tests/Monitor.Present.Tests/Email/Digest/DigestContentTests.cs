using MimeKit;
using Monitor.Present.Email.Store;
using Monitor.Present.Email.Subscriptions;
using Monitor.Present.Tests.Email.Support;
using Monitor.Testing;

namespace Monitor.Present.Tests.Email.Digest;

[TestClass]
public sealed class DigestContentTests
{
    // 2026-11-30 08:00 in Shanghai is 00:00 UTC: the default daily digest falls due then.
    private static readonly DateTimeOffset Subscribed = new(2026, 11, 29, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DigestTime = new(2026, 11, 30, 0, 0, 30, TimeSpan.Zero);

    private static void SeedThreeNewAlertsAndOneResolved(Monitor.Core.Store.MonitorStore store, long oldAlert)
    {
        AlertSeed.Open(store, "cn:cpi", "critical", "red", "CPI overheating", "CPI 过热", Subscribed.AddHours(2));
        AlertSeed.Open(store, "cn:pmi", "warning", "yellow", "PMI warming", "PMI 趋热", Subscribed.AddHours(3));
        AlertSeed.Open(store, "gd:ip", "info", "lightblue", "Guangdong output cooling", "广东工业增加值 趋冷", Subscribed.AddHours(4));
        AlertSeed.Event(store, oldAlert, "resolved", "info", Subscribed.AddHours(5));
    }

    private static (TestStore Test, FakeTimeProvider Clock, long OldAlert) Seeded()
    {
        var test = TestStore.InMemory(PresentSchemas.All);
        AlertSeed.Series(test.Store, "cn:cpi", "Consumer prices", "居民消费价格指数");
        AlertSeed.Series(test.Store, "cn:pmi", "Manufacturing PMI", "制造业采购经理指数");
        AlertSeed.Series(test.Store, "gd:ip", "Guangdong industrial output", "广东工业增加值", "regional", "440000");
        var oldAlert = AlertSeed.Open(test.Store, "cn:pmi", "warning", "blue", "PMI overcooling", "PMI 过冷", Subscribed.AddDays(-3));
        return (test, new FakeTimeProvider(Subscribed), oldAlert);
    }

    [TestMethod]
    public async Task Chinese_digest_has_counts_and_worst_colour_in_the_subject_a_text_part_and_inline_charts_by_cid()
    {
        var (test, clock, oldAlert) = Seeded();
        using var _ = test;
        using var smtp = TestSmtpServer.Accepting();
        using var email = new EmailHarness(test.Store, clock, smtp);
        email.Subscriptions.Create(new SubscriptionDraft { Address = "planner@example.cn" }, "analyst1");
        SeedThreeNewAlertsAndOneResolved(test.Store, oldAlert);

        clock.SetUtcNow(DigestTime);
        await email.RunAsync();

        var message = smtp.To("planner@example.cn").Single();
        Assert.AreEqual("[Monitor] 3 条新预警 · 1 条解除 · 最高: 红色 过热", message.Subject);
        StringAssert.Contains(message.TextBody, "CPI 过热");
        StringAssert.Contains(message.TextBody, "居民消费价格指数");
        var images = message.BodyParts.OfType<MimePart>().Where(p => p.ContentType.IsMimeType("image", "png")).ToList();
        Assert.HasCount(3, images, "one chart for each of the three new alerts' series");
        foreach (var image in images)
        {
            StringAssert.Contains(message.HtmlBody, $"cid:{image.ContentId}");
            using var png = new MemoryStream();
            image.Content!.DecodeTo(png);
            CollectionAssert.AreEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png.ToArray()[..4], "a real PNG");
        }
        StringAssert.StartsWith(message.MessageId, "digest.");
        StringAssert.Contains(message.Headers[HeaderId.ListUnsubscribe], "https://monitor.test/unsubscribe?token=");
        Assert.AreEqual("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
    }

    [TestMethod]
    public async Task English_subscriber_gets_English_subject_and_only_alerts_matching_the_filters()
    {
        var (test, clock, oldAlert) = Seeded();
        using var _ = test;
        using var smtp = TestSmtpServer.Accepting();
        using var email = new EmailHarness(test.Store, clock, smtp);
        email.Subscriptions.Create(new SubscriptionDraft { Address = "gd@example.cn", Language = "en", Domain = "regional", RegionCode = "440000" }, null);
        email.Subscriptions.Create(new SubscriptionDraft { Address = "critical@example.cn", Language = "en", MinSeverity = "critical" }, null);
        SeedThreeNewAlertsAndOneResolved(test.Store, oldAlert);

        clock.SetUtcNow(DigestTime);
        await email.RunAsync();

        Assert.AreEqual("[Monitor] 1 new alert · worst: light blue (cooling)", smtp.To("gd@example.cn").Single().Subject);
        var critical = smtp.To("critical@example.cn").Single();
        Assert.AreEqual("[Monitor] 1 new alert · worst: red (overheating)", critical.Subject);
        Assert.IsFalse(critical.TextBody!.Contains("PMI", StringComparison.Ordinal), "a warning-level alert is below this subscriber's threshold");
    }

    [TestMethod]
    public async Task Unsubscribe_link_in_the_mail_stops_further_digests_and_a_tampered_link_does_not()
    {
        var (test, clock, oldAlert) = Seeded();
        using var _ = test;
        using var smtp = TestSmtpServer.Accepting();
        using var email = new EmailHarness(test.Store, clock, smtp);
        var subscription = email.Subscriptions.Create(new SubscriptionDraft { Address = "planner@example.cn" }, null);
        SeedThreeNewAlertsAndOneResolved(test.Store, oldAlert);
        clock.SetUtcNow(DigestTime);
        await email.RunAsync();
        var message = smtp.To("planner@example.cn").Single();

        var link = message.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>');
        StringAssert.Contains(message.HtmlBody, System.Net.WebUtility.HtmlEncode(link));
        StringAssert.Contains(message.TextBody, link);
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..]);
        var tampered = (subscription.SubscriptionId + 1) + token[token.IndexOf('.', StringComparison.Ordinal)..];

        Assert.IsNull(email.Tokens.Verify(tampered));
        Assert.AreEqual(subscription.SubscriptionId, email.Tokens.Verify(token));
        Assert.IsTrue(email.Subscriptions.Unsubscribe(email.Tokens.Verify(token)!.Value));

        AlertSeed.Open(test.Store, "cn:cpi", "critical", "red", "CPI overheating again", "CPI 再次过热", DigestTime.AddHours(1));
        clock.SetUtcNow(DigestTime.AddDays(1));
        await email.RunAsync();
        Assert.HasCount(1, smtp.To("planner@example.cn"), "no digest after unsubscribing");
    }

    [TestMethod]
    public async Task No_digest_is_sent_when_nothing_changed_and_none_before_the_local_digest_time()
    {
        var (test, clock, _) = Seeded();
        using var __ = test;
        using var smtp = TestSmtpServer.Accepting();
        using var email = new EmailHarness(test.Store, clock, smtp);
        email.Subscriptions.Create(new SubscriptionDraft { Address = "quiet@example.cn" }, null);

        clock.SetUtcNow(DigestTime);
        await email.RunAsync();
        AlertSeed.Open(test.Store, "cn:cpi", "critical", "red", "CPI overheating", "CPI 过热", DigestTime.AddHours(1));
        clock.SetUtcNow(DigestTime.AddHours(23));
        await email.RunAsync();

        Assert.AreEqual(0, smtp.Attempts, "nothing changed before 08:00, and the next 08:00 has not come yet");
        clock.SetUtcNow(DigestTime.AddDays(1));
        await email.RunAsync();
        Assert.HasCount(1, smtp.To("quiet@example.cn"));
    }

    [TestMethod]
    public async Task A_chart_that_cannot_be_drawn_is_left_out_and_the_digest_still_goes()
    {
        var (test, clock, oldAlert) = Seeded();
        using var _ = test;
        using var smtp = TestSmtpServer.Accepting();
        using var email = new EmailHarness(test.Store, clock, smtp);
        email.Charts.Failing.Add("cn:cpi");
        email.Subscriptions.Create(new SubscriptionDraft { Address = "planner@example.cn" }, null);
        SeedThreeNewAlertsAndOneResolved(test.Store, oldAlert);

        clock.SetUtcNow(DigestTime);
        await email.RunAsync();

        var message = smtp.To("planner@example.cn").Single();
        Assert.HasCount(2, message.BodyParts.OfType<MimePart>().Where(p => p.ContentType.IsMimeType("image", "png")).ToList());
        StringAssert.Contains(message.TextBody, "CPI 过热");
    }

    [TestMethod]
    public async Task Alerts_muted_on_the_dashboard_stay_out_of_the_digest_while_muted()
    {
        var (test, clock, oldAlert) = Seeded();
        using var _ = test;
        using var smtp = TestSmtpServer.Accepting();
        using var email = new EmailHarness(test.Store, clock, smtp);
        email.Subscriptions.Create(new SubscriptionDraft { Address = "planner@example.cn" }, null);
        SeedThreeNewAlertsAndOneResolved(test.Store, oldAlert);
        using (var connection = test.Store.Open())
        using (var mute = connection.CreateCommand())
        {
            mute.CommandText = "UPDATE alerts SET state = 'muted', muted_until = $1 WHERE title = 'CPI overheating'";
            mute.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(DigestTime.UtcDateTime.AddDays(7)));
            mute.ExecuteNonQuery();
        }

        clock.SetUtcNow(DigestTime);
        await email.RunAsync();

        var message = smtp.To("planner@example.cn").Single();
        Assert.AreEqual("[Monitor] 2 条新预警 · 1 条解除 · 最高: 黄色 趋热", message.Subject);
        Assert.IsFalse(message.TextBody!.Contains("CPI 过热", StringComparison.Ordinal));
    }
}
