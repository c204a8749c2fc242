using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitor.Core.Store;
using Monitor.Present.Email;
using Monitor.Present.Email.Delivery;
using Monitor.Present.Email.Store;
using Monitor.Present.Email.Subscriptions;
using Monitor.Present.Tests.Email.Support;
using Monitor.Testing;

namespace Monitor.Present.Tests.Email.Delivery;

[TestClass]
public sealed class ExactlyOnceTests
{
    private static readonly DateTimeOffset Subscribed = new(2026, 11, 29, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DigestTime = new(2026, 11, 30, 0, 0, 30, TimeSpan.Zero);

    private static void SeedAlert(MonitorStore store)
    {
        AlertSeed.Series(store, "cn:cpi", "Consumer prices", "居民消费价格指数");
        AlertSeed.Open(store, "cn:cpi", "critical", "red", "CPI overheating", "CPI 过热", Subscribed.AddHours(2));
    }

    private static MonitorStore Reopen(string path) => new(new StoreOptions { Path = path, MemoryLimit = "256MB" }, EmailSchema.Scripts);

    [TestMethod]
    public async Task Two_concurrent_runs_send_each_digest_exactly_once()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        using var smtp = TestSmtpServer.Accepting();
        var clock = new FakeTimeProvider(Subscribed);
        using var serverA = new EmailHarness(test.Store, clock, smtp);
        using var serverB = new EmailHarness(test.Store, clock, smtp);
        var addresses = Enumerable.Range(1, 6).Select(i => $"reader{i}@example.cn").ToList();
        foreach (var address in addresses) serverA.Subscriptions.Create(new SubscriptionDraft { Address = address }, null);
        SeedAlert(test.Store);
        clock.SetUtcNow(DigestTime);

        for (var round = 0; round < 3; round++)
        {
            using var start = new Barrier(2);
            var runs = new[] { serverA, serverB }.Select(server => Task.Run(() => { start.SignalAndWait(); return server.RunAsync(); }));
            await Task.WhenAll(runs);
        }

        foreach (var address in addresses) Assert.HasCount(1, smtp.To(address), address);
        Assert.IsLessThanOrEqualTo(2, serverA.Charts.Calls + serverB.Charts.Calls, "one chart per series and run, not one per subscriber");
        var outbox = serverA.Outbox.List();
        Assert.HasCount(6, outbox);
        Assert.IsTrue(outbox.All(e => e.Status == OutboxStatus.Sent && e.Attempts == 1), string.Join("; ", outbox.Select(e => $"{e.IdempotencyKey} {e.Status} {e.Attempts}")));
    }

    [TestMethod]
    public async Task Server_refusing_the_first_attempts_with_451_gets_the_digest_once_after_back_off()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        using var smtp = TestSmtpServer.RefusingFirst(3);
        var clock = new FakeTimeProvider(Subscribed);
        using var email = new EmailHarness(test.Store, clock, smtp);
        email.Subscriptions.Create(new SubscriptionDraft { Address = "planner@example.cn" }, null);
        SeedAlert(test.Store);

        clock.SetUtcNow(DigestTime);
        await email.RunAsync();
        var first = email.Outbox.List().Single();
        Assert.AreEqual(OutboxStatus.Retry, first.Status);
        StringAssert.Contains(first.LastError, "451");
        Assert.AreEqual(clock.GetUtcNow().UtcDateTime.AddMinutes(1), first.NextAttemptAt, "first retry after the base delay");

        await email.RunAsync();
        Assert.AreEqual(1, smtp.Attempts, "no new attempt before the back-off has passed");

        for (var minute = 0; minute < 30; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await email.RunAsync();
        }

        var done = email.Outbox.List().Single();
        Assert.AreEqual(OutboxStatus.Sent, done.Status);
        Assert.AreEqual(4, done.Attempts);
        Assert.AreEqual(4, smtp.Attempts, "back-off of 1, 2 and 4 minutes: four attempts in 30 minutes, not 30");
        Assert.HasCount(1, smtp.To("planner@example.cn"));
    }

    [TestMethod]
    public async Task Transient_failures_beyond_the_attempt_limit_are_recorded_as_failed()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        using var smtp = TestSmtpServer.RefusingFirst(100);
        var clock = new FakeTimeProvider(Subscribed);
        using var email = new EmailHarness(test.Store, clock, smtp, settings: new Dictionary<string, string?> { ["Email:MaxAttempts"] = "3" });
        email.Subscriptions.Create(new SubscriptionDraft { Address = "planner@example.cn" }, null);
        SeedAlert(test.Store);

        clock.SetUtcNow(DigestTime);
        for (var i = 0; i < 6; i++)
        {
            await email.RunAsync();
            clock.Advance(TimeSpan.FromMinutes(10));
        }

        var entry = email.Outbox.List().Single();
        Assert.AreEqual(OutboxStatus.Failed, entry.Status);
        Assert.AreEqual(3, entry.Attempts);
        StringAssert.Contains(entry.LastError, "gave up after 3 attempts");
    }

    [TestMethod]
    public async Task Permanent_550_is_recorded_as_failed_and_its_changes_go_out_with_the_next_digest()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        using var smtp = TestSmtpServer.Rejecting();
        var clock = new FakeTimeProvider(Subscribed);
        using var email = new EmailHarness(test.Store, clock, smtp);
        email.Subscriptions.Create(new SubscriptionDraft { Address = "planner@example.cn" }, null);
        SeedAlert(test.Store);

        clock.SetUtcNow(DigestTime);
        await email.RunAsync();
        clock.Advance(TimeSpan.FromHours(2));
        await email.RunAsync();

        var failed = email.Outbox.List().Single();
        Assert.AreEqual(OutboxStatus.Failed, failed.Status);
        Assert.AreEqual(1, failed.Attempts, "a 5xx is not retried");
        StringAssert.Contains(failed.LastError, "550");
        Assert.AreEqual(1, smtp.Attempts);

        smtp.Reply = _ => 250;
        AlertSeed.Open(test.Store, "cn:cpi", "warning", "yellow", "CPI warming", "CPI 趋热", DigestTime.AddHours(3));
        clock.SetUtcNow(DigestTime.AddDays(1));
        await email.RunAsync();
        var next = smtp.To("planner@example.cn").Single();
        StringAssert.Contains(next.TextBody, "CPI 过热", "the change of the failed digest");
        StringAssert.Contains(next.TextBody, "CPI 趋热", "and the new one");
    }

    [TestMethod]
    public async Task Digest_claimed_before_a_restart_is_sent_once_after_it()
    {
        using var test = TestStore.OnDisk(PresentSchemas.All);
        var path = test.Store.DatabasePath;
        using var smtp = TestSmtpServer.RefusingFirst(1);
        var clock = new FakeTimeProvider(Subscribed);
        using (var before = new EmailHarness(test.Store, clock, smtp))
        {
            before.Subscriptions.Create(new SubscriptionDraft { Address = "planner@example.cn" }, null);
            SeedAlert(test.Store);
            clock.SetUtcNow(DigestTime);
            await before.RunAsync();
            Assert.AreEqual(OutboxStatus.Retry, before.Outbox.List().Single().Status);
        }
        test.Store.Dispose();

        using var reopened = Reopen(path);
        using var after = new EmailHarness(reopened, clock, smtp);
        clock.Advance(TimeSpan.FromMinutes(5));
        await after.RunAsync();
        await after.RunAsync();
        clock.Advance(TimeSpan.FromHours(1));
        await after.RunAsync();

        Assert.HasCount(1, smtp.To("planner@example.cn"));
        Assert.AreEqual(OutboxStatus.Sent, after.Outbox.List().Single().Status);
    }

    [TestMethod]
    public async Task Death_between_SMTP_acceptance_and_the_outbox_update_gives_at_most_one_duplicate_with_the_same_Message_ID()
    {
        using var test = TestStore.OnDisk(PresentSchemas.All);
        var path = test.Store.DatabasePath;
        using var smtp = TestSmtpServer.Accepting();
        var clock = new FakeTimeProvider(Subscribed);
        CrashAfterAcceptance? dyingTransport = null;
        using (var dying = new EmailHarness(test.Store, clock, smtp, transport: p =>
                   dyingTransport = new CrashAfterAcceptance(new SmtpMailTransport(p.GetRequiredService<IOptions<EmailOptions>>()))))
        {
            dying.Subscriptions.Create(new SubscriptionDraft { Address = "planner@example.cn" }, null);
            SeedAlert(test.Store);
            clock.SetUtcNow(DigestTime);
            _ = dying.RunAsync();
            await dyingTransport!.Accepted.WaitAsync(TimeSpan.FromSeconds(20));
        }
        test.Store.Dispose();

        using var reopened = Reopen(path);
        using var restarted = new EmailHarness(reopened, clock, smtp);
        await restarted.RunAsync();
        Assert.HasCount(1, smtp.To("planner@example.cn"), "the lease of the dead sender still holds");

        clock.Advance(TimeSpan.FromMinutes(11));
        await restarted.RunAsync();
        clock.Advance(TimeSpan.FromHours(1));
        await restarted.RunAsync();

        var copies = smtp.To("planner@example.cn");
        Assert.HasCount(2, copies, "one duplicate once the lease ran out");
        Assert.AreEqual(copies[0].MessageId, copies[1].MessageId);
        var entry = restarted.Outbox.List().Single();
        Assert.AreEqual(OutboxStatus.Sent, entry.Status);
        Assert.AreEqual(2, entry.Attempts);
    }
}
