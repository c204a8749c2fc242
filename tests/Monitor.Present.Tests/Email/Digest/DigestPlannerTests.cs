using DuckDB.NET.Data;
using Monitor.Present.Email.Delivery;
using Monitor.Present.Email.Store;
using Monitor.Present.Email.Subscriptions;
using Monitor.Present.Tests.Email.Support;
using Monitor.Testing;

namespace Monitor.Present.Tests.Email.Digest;

[TestClass]
public sealed class DigestPlannerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public async Task Immediate_subscriber_hears_of_a_change_at_the_end_of_its_n_minute_period_not_before()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        using var smtp = TestSmtpServer.Accepting();
        var clock = new FakeTimeProvider(Start);
        using var email = new EmailHarness(test.Store, clock, smtp);
        email.Subscriptions.Create(new SubscriptionDraft { Address = "fast@example.cn", Cadence = "immediate", ImmediateMinutes = 5 }, null);
        AlertSeed.Series(test.Store, "cn:cpi", "Consumer prices", "居民消费价格指数");
        AlertSeed.Open(test.Store, "cn:cpi", "critical", "red", "CPI overheating", "CPI 过热", Start.AddMinutes(2));

        clock.SetUtcNow(Start.AddMinutes(3));
        await email.RunAsync();
        Assert.AreEqual(0, smtp.Attempts, "the 10:00–10:05 period has not ended");

        clock.SetUtcNow(Start.AddMinutes(5).AddSeconds(10));
        await email.RunAsync();
        await email.RunAsync();
        Assert.HasCount(1, smtp.To("fast@example.cn"));
    }

    [TestMethod]
    public async Task A_broken_subscription_fails_the_run_loudly_but_the_others_still_get_their_digest()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        using var smtp = TestSmtpServer.Accepting();
        var clock = new FakeTimeProvider(Start);
        using var email = new EmailHarness(test.Store, clock, smtp);
        var broken = email.Subscriptions.Create(new SubscriptionDraft { Address = "broken@example.cn" }, null);
        email.Subscriptions.Create(new SubscriptionDraft { Address = "fine@example.cn" }, null);
        using (var connection = test.Store.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE email_subscriptions SET time_zone = 'Nowhere/Atlantis' WHERE subscription_id = $1";
            command.Parameters.Add(new DuckDBParameter(broken.SubscriptionId));
            command.ExecuteNonQuery();
        }
        AlertSeed.Series(test.Store, "cn:cpi", "Consumer prices", "居民消费价格指数");
        AlertSeed.Open(test.Store, "cn:cpi", "critical", "red", "CPI overheating", "CPI 过热", Start.AddHours(1));

        clock.SetUtcNow(Start.AddDays(1));
        var failure = await Assert.ThrowsExactlyAsync<InvalidOperationException>(email.RunAsync);

        StringAssert.Contains(failure.Message, $"subscription {broken.SubscriptionId}");
        Assert.HasCount(1, smtp.To("fine@example.cn"));
    }

    [TestMethod]
    public void The_same_digest_cannot_be_claimed_twice_nor_a_second_digest_from_a_stale_cursor()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        using var email = new EmailHarness(test.Store, new FakeTimeProvider(Start), smtp: null);
        var subscription = email.Subscriptions.Create(new SubscriptionDraft { Address = "a@example.cn" }, null);
        OutboxClaim Claim(string key, DateTime end) => new(key, subscription.SubscriptionId, end.AddDays(-1), end, 0, 5, 1,
            "a@example.cn", "subject", "id@x", [1, 2, 3]);

        Assert.IsTrue(email.Outbox.TryClaim(Claim("digest:1:a", Start.UtcDateTime.AddHours(1)), Start.UtcDateTime));
        Assert.IsFalse(email.Outbox.TryClaim(Claim("digest:1:a", Start.UtcDateTime.AddHours(1)), Start.UtcDateTime), "same key");
        Assert.IsFalse(email.Outbox.TryClaim(Claim("digest:1:b", Start.UtcDateTime.AddHours(2)), Start.UtcDateTime), "cursor already moved past 0");
        Assert.HasCount(1, email.Outbox.List());
    }

    [TestMethod]
    public void A_leased_message_cannot_be_leased_again_until_its_lease_runs_out()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        using var email = new EmailHarness(test.Store, new FakeTimeProvider(Start), smtp: null);
        var subscription = email.Subscriptions.Create(new SubscriptionDraft { Address = "a@example.cn" }, null);
        var now = Start.UtcDateTime;
        email.Outbox.TryClaim(new OutboxClaim("digest:1:a", subscription.SubscriptionId, now.AddDays(-1), now, 0, 5, 1, "a@example.cn", "s", "id@x", [1]), now);

        Assert.IsNotNull(email.Outbox.TryLease("digest:1:a", now, now.AddMinutes(10)));
        Assert.IsNull(email.Outbox.TryLease("digest:1:a", now.AddMinutes(9), now.AddMinutes(19)));
        var taken = email.Outbox.TryLease("digest:1:a", now.AddMinutes(10), now.AddMinutes(20));
        Assert.AreEqual(2, taken?.Attempts, "an abandoned send is taken over and counted");
    }
}
