using MimeKit;
using Monitor.Present.Email.Delivery;
using Monitor.Present.Email.Store;
using Monitor.Present.Email.Subscriptions;
using Monitor.Present.Tests.Email.Support;
using Monitor.Testing;

namespace Monitor.Present.Tests.Email.Delivery;

[TestClass]
public sealed class EmlFallbackTests
{
    [TestMethod]
    public async Task Without_an_SMTP_host_each_digest_is_written_once_as_an_eml_file()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        var folder = TempFolder.Create();
        try
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero));
            using var email = new EmailHarness(test.Store, clock, smtp: null, outboxFolder: folder);
            email.Subscriptions.Create(new SubscriptionDraft { Address = "planner@example.cn" }, null);
            AlertSeed.Series(test.Store, "cn:cpi", "Consumer prices", "居民消费价格指数");
            AlertSeed.Open(test.Store, "cn:cpi", "critical", "red", "CPI overheating", "CPI 过热", clock.GetUtcNow().AddHours(1));

            clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 0, 1, 0, TimeSpan.Zero));
            await email.RunAsync();
            await email.RunAsync();

            var file = Directory.GetFiles(folder, "*.eml").Single();
            Assert.AreEqual("digest-1-2026-11-30T00-00Z.eml", Path.GetFileName(file));
            var message = await MimeMessage.LoadAsync(file);
            Assert.AreEqual("[Monitor] 1 条新预警 · 最高: 红色 过热", message.Subject);
            var entry = email.Outbox.List().Single();
            Assert.AreEqual(OutboxStatus.Written, entry.Status);
            Assert.AreEqual(file, entry.DeliveredTo);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [TestMethod]
    public async Task One_run_delivers_every_due_digest_not_only_the_first_batch()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        var folder = TempFolder.Create();
        try
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero));
            using var email = new EmailHarness(test.Store, clock, smtp: null, outboxFolder: folder);
            email.Sender.BatchSize = 10;
            for (var i = 0; i < 25; i++) email.Subscriptions.Create(new SubscriptionDraft { Address = $"reader{i}@example.cn" }, null);
            AlertSeed.Series(test.Store, "cn:cpi", "Consumer prices", "居民消费价格指数");
            AlertSeed.Open(test.Store, "cn:cpi", "critical", "red", "CPI overheating", "CPI 过热", clock.GetUtcNow().AddHours(1));

            clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 0, 0, 30, TimeSpan.Zero));
            var summary = await email.RunAsync();

            Assert.HasCount(25, Directory.GetFiles(folder, "*.eml"), summary);
            Assert.IsTrue(email.Outbox.List().All(e => e.Status == OutboxStatus.Written));
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [TestMethod]
    public async Task Email_digest_verb_runs_the_job_once_and_prints_its_summary()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        var folder = TempFolder.Create();
        try
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero));
            using var email = new EmailHarness(test.Store, clock, smtp: null, outboxFolder: folder);
            email.Subscriptions.Create(new SubscriptionDraft { Address = "planner@example.cn" }, null);
            AlertSeed.Series(test.Store, "cn:cpi", "Consumer prices", "居民消费价格指数");
            AlertSeed.Open(test.Store, "cn:cpi", "critical", "red", "CPI overheating", "CPI 过热", clock.GetUtcNow().AddHours(1));
            clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 0, 0, 30, TimeSpan.Zero));
            var output = new StringWriter();

            var code = await email.RunVerb("email-digest", output);

            Assert.AreEqual(0, code);
            Assert.AreEqual("digests claimed 1, delivered 1, retrying 0, failed 0", output.ToString().Trim());
            Assert.HasCount(1, Directory.GetFiles(folder, "*.eml"));
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
