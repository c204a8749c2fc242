using Monitor.Present.Email.Schedule;
using Monitor.Present.Email.Store;
using Monitor.Present.Email.Subscriptions;
using Monitor.Present.Tests.Email.Support;
using Monitor.Testing;

namespace Monitor.Present.Tests.Email.Subscriptions;

[TestClass]
public sealed class SubscriptionStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void Draft_with_bad_fields_names_each_of_them()
    {
        var draft = new SubscriptionDraft { Address = "not-an-address", Language = "fr", Cadence = "hourly", LocalTime = "25:00", TimeZone = "Mars/Olympus", MinSeverity = "loud" };

        var errors = draft.Validate();

        foreach (var field in new[] { "address", "language", "cadence", "localTime", "timeZone", "minSeverity" })
            Assert.IsTrue(errors.Any(e => e.StartsWith(field + ":", StringComparison.Ordinal)), $"{field} missing from: {string.Join("; ", errors)}");
    }

    [TestMethod]
    public void Created_subscription_keeps_its_filters_and_schedule_and_starts_after_the_newest_alert_event()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        AlertSeed.Series(test.Store, "cn:cpi", "CPI", "居民消费价格指数");
        AlertSeed.Open(test.Store, "cn:cpi", "critical", "red", "CPI overheating", "CPI 过热", Start.AddDays(-1));
        using var email = new EmailHarness(test.Store, new FakeTimeProvider(Start), smtp: null);

        var created = email.Subscriptions.Create(new SubscriptionDraft
        {
            Address = "planner@example.cn", Language = "en", Domain = "regional", RegionCode = "440000", MinSeverity = "warning",
            Cadence = "weekly", LocalTime = "07:30", Weekday = "friday", TimeZone = "Europe/London",
        }, "analyst1");

        var found = email.Subscriptions.Find(created.SubscriptionId)!;
        Assert.AreEqual("planner@example.cn", found.Address);
        Assert.AreEqual(new AlertFilter("regional", "440000", null, null, "warning"), found.Filter);
        Assert.AreEqual(Cadence.Weekly, found.Cadence);
        Assert.AreEqual(new TimeOnly(7, 30), found.LocalTime);
        Assert.AreEqual(DayOfWeek.Friday, found.Weekday);
        Assert.AreEqual("Europe/London", found.TimeZone);
        Assert.AreEqual(AlertSeed.MaxEventId(test.Store), found.CursorEventId, "alerts from before subscribing are not mailed");
    }

    [TestMethod]
    public void Default_subscription_is_a_daily_Chinese_digest_at_eight_in_Shanghai()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        using var email = new EmailHarness(test.Store, new FakeTimeProvider(Start), smtp: null);

        var created = email.Subscriptions.Create(new SubscriptionDraft { Address = "a@example.cn" }, null);

        Assert.AreEqual("zh", created.Language);
        Assert.AreEqual(Cadence.Daily, created.Cadence);
        Assert.AreEqual(new TimeOnly(8, 0), created.LocalTime);
        Assert.AreEqual("Asia/Shanghai", created.TimeZone);
    }

    [TestMethod]
    public void Unsubscribe_token_works_for_its_subscription_and_a_tampered_one_does_not()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        using var email = new EmailHarness(test.Store, new FakeTimeProvider(Start), smtp: null);
        var first = email.Subscriptions.Create(new SubscriptionDraft { Address = "a@example.cn" }, null);
        var second = email.Subscriptions.Create(new SubscriptionDraft { Address = "b@example.cn" }, null);
        var token = email.Tokens.Create(first.SubscriptionId);
        var signature = token.Split('.')[1];

        Assert.AreEqual(first.SubscriptionId, email.Tokens.Verify(token));
        Assert.IsNull(email.Tokens.Verify($"{second.SubscriptionId}.{signature}"), "another id with the first one's signature");
        Assert.IsNull(email.Tokens.Verify(token[..^2] + (token[^2] == 'A' ? "BB" : "AA")), "altered signature");
        Assert.IsNull(email.Tokens.Verify("garbage"));
        Assert.IsNull(email.Tokens.Verify(null));
    }

    [TestMethod]
    public void Generated_signing_key_is_kept_in_the_store_so_links_survive_a_restart()
    {
        using var test = TestStore.OnDisk(PresentSchemas.All);
        string token;
        using (var email = new EmailHarness(test.Store, new FakeTimeProvider(Start), smtp: null))
            token = email.Tokens.Create(42);
        var path = test.Store.DatabasePath;
        test.Store.Dispose();

        using var reopened = new Monitor.Core.Store.MonitorStore(new Monitor.Core.Store.StoreOptions { Path = path, MemoryLimit = "256MB" }, EmailSchema.Scripts);
        using var restarted = new EmailHarness(reopened, new FakeTimeProvider(Start), smtp: null);
        using var otherStore = TestStore.InMemory(PresentSchemas.All);
        using var otherInstall = new EmailHarness(otherStore.Store, new FakeTimeProvider(Start), smtp: null);

        Assert.AreEqual(42L, restarted.Tokens.Verify(token));
        Assert.IsNull(otherInstall.Tokens.Verify(token), "another installation generates its own key");
    }

    [TestMethod]
    public void Configured_signing_key_is_used_instead_of_a_generated_one()
    {
        using var storeA = TestStore.InMemory(PresentSchemas.All);
        using var storeB = TestStore.InMemory(PresentSchemas.All);
        var settings = new Dictionary<string, string?> { ["Email:SigningKey"] = "a-long-secret-from-the-environment-0123456789" };
        using var a = new EmailHarness(storeA.Store, new FakeTimeProvider(Start), smtp: null, settings: settings);
        using var b = new EmailHarness(storeB.Store, new FakeTimeProvider(Start), smtp: null, settings: settings);

        Assert.AreEqual(7L, b.Tokens.Verify(a.Tokens.Create(7)));
    }

    [TestMethod]
    public void Unsubscribed_subscription_is_no_longer_listed_as_active()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        using var email = new EmailHarness(test.Store, new FakeTimeProvider(Start), smtp: null);
        var created = email.Subscriptions.Create(new SubscriptionDraft { Address = "a@example.cn" }, null);

        Assert.IsTrue(email.Subscriptions.Unsubscribe(created.SubscriptionId));
        Assert.IsFalse(email.Subscriptions.Unsubscribe(created.SubscriptionId), "a second unsubscribe changes nothing");
        Assert.IsEmpty(email.Subscriptions.List(activeOnly: true));
        Assert.HasCount(1, email.Subscriptions.List());
    }
}
