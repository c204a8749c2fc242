using Microsoft.Extensions.Time.Testing;
using Monitor.Present.Charts;
using Monitor.Core.Store;
using Monitor.Testing;
using Monitor.Warn.Alerts;
using Monitor.Web.Pages.Alerts;
using Monitor.Web.Pages.Shared;
using Monitor.Web.Tests.Seeding;

namespace Monitor.Web.Tests.Pages.Alerts;

[TestClass]
public sealed class AlertsQueryTests
{
    [TestMethod]
    public void Filter_by_state_and_severity()
    {
        using var test = TestStore.InMemory(WebSchemas.All);
        WebSeed.Fill(test.Store);
        var query = Query(test);

        Assert.HasCount(3, query.List(null, null, null));
        Assert.AreEqual(1L, query.List("open", "critical", null).Single().AlertId);
        Assert.AreEqual(3L, query.List("resolved", null, null).Single().AlertId);
    }

    [TestMethod]
    public void Acknowledging_writes_the_state_and_an_event_with_the_actor()
    {
        using var test = TestStore.InMemory(WebSchemas.All);
        WebSeed.Fill(test.Store);
        var query = Query(test);

        Assert.IsTrue(query.Act(1, "acknowledge", "ana"));

        var alert = query.List(null, null, null).Single(a => a.AlertId == 1);
        Assert.AreEqual("acknowledged", alert.State);
        Assert.AreEqual("ana", alert.AcknowledgedBy);
        var events = Sql.Rows(test.Store, "SELECT event, actor FROM alert_events WHERE alert_id = 1 ORDER BY event_id", r => (r.GetString(0), r.Text(1)));
        Assert.AreEqual(("acknowledged", (string?)"ana"), events[^1]);
    }

    [TestMethod]
    public void Muting_sets_an_end_and_resolving_stamps_the_time()
    {
        using var test = TestStore.InMemory(WebSchemas.All);
        WebSeed.Fill(test.Store);
        var query = Query(test);

        query.Act(2, "mute", "ana", muteDays: 7);
        var muted = query.List(null, null, null).Single(a => a.AlertId == 2);
        query.Act(2, "resolve", "ana");

        Assert.AreEqual("muted", muted.State);
        Assert.AreEqual(Now.UtcDateTime.AddDays(7), muted.MutedUntil!.Value);
        Assert.AreEqual("resolved", query.List(null, null, null).Single(a => a.AlertId == 2).State);
    }

    [TestMethod]
    public void An_unknown_alert_is_reported_not_created()
    {
        using var test = TestStore.InMemory(WebSchemas.All);
        var query = Query(test);

        Assert.IsFalse(query.Act(99, "resolve", "ana"));
        Assert.IsEmpty(Sql.Rows(test.Store, "SELECT event_id FROM alert_events", r => r.GetInt64(0)));
    }

    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The page's query over the warn stage's AlertStore, both on a fake clock.</summary>
    private static AlertsQuery Query(TestStore test)
    {
        var clock = new FakeTimeProvider(Now);
        return new AlertsQuery(test.Store, new StoreChangeToken(test.Store), new AlertStore(test.Store, clock), clock);
    }
}
