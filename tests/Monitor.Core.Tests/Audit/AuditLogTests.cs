using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Audit;
using Monitor.Testing;

namespace Monitor.Core.Tests.Audit;

[TestClass]
public sealed class AuditLogTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void A_written_row_reads_back_with_the_clock_time_and_every_field()
    {
        using var test = TestStore.InMemory();
        var clock = new FakeTimeProvider(Start);
        var log = new AuditLog(test.Store, clock);

        log.Write(new AuditEntry(new AuditActor("ana", "api-key:7", "10.0.0.1"), AuditActions.Export, "GET /api/v1/exports/observations.xlsx",
            "series=CPI", 42));

        var row = log.Read(new AuditFilter()).Rows.Single();
        Assert.AreEqual(Start.UtcDateTime, row.OccurredAt);
        Assert.AreEqual("ana", row.Actor);
        Assert.AreEqual("api-key:7", row.Via);
        Assert.AreEqual("10.0.0.1", row.Address);
        Assert.AreEqual(AuditActions.Export, row.Action);
        Assert.AreEqual("series=CPI", row.Parameters);
        Assert.AreEqual(42L, row.Rows);
        Assert.AreEqual(AuditOutcome.Success, row.Outcome);
    }

    [TestMethod]
    public void A_scope_that_throws_still_leaves_a_failure_row()
    {
        using var test = TestStore.InMemory();
        IAuditLog log = new AuditLog(test.Store, new FakeTimeProvider(Start));

        Assert.ThrowsExactly<InvalidOperationException>(() =>
        {
            using var scope = log.Begin(new AuditActor("ana", "cookie"), AuditActions.EnterpriseRead, "GET /Enterprises", "region=11");
            throw new InvalidOperationException("store gone");
        });
        using (var done = log.Begin(new AuditActor("ana", "cookie"), AuditActions.EnterpriseRead, "GET /Enterprises")) done.Complete(3);

        var rows = log.Read(new AuditFilter()).Rows;
        Assert.AreEqual(AuditOutcome.Success, rows[0].Outcome);
        Assert.AreEqual(3L, rows[0].Rows);
        Assert.AreEqual(AuditOutcome.Failure, rows[1].Outcome);
        Assert.AreEqual("region=11", rows[1].Parameters);
    }

    [TestMethod]
    public void Reads_filter_by_actor_action_outcome_and_time_and_page_newest_first()
    {
        using var test = TestStore.InMemory();
        var clock = new FakeTimeProvider(Start);
        var log = new AuditLog(test.Store, clock);
        for (var i = 0; i < 7; i++)
        {
            log.Write(new AuditEntry(new AuditActor(i % 2 == 0 ? "ana" : "boss", "cookie"), i < 5 ? AuditActions.SignIn : AuditActions.Export, "POST /Account/SignIn",
                Outcome: i == 3 ? AuditOutcome.Denied : AuditOutcome.Success));
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.AreEqual(4L, log.Read(new AuditFilter(Actor: "ana")).Total);
        Assert.AreEqual(2L, log.Read(new AuditFilter(Action: AuditActions.Export)).Total);
        Assert.AreEqual("boss", log.Read(new AuditFilter(Outcome: AuditOutcome.Denied)).Rows.Single().Actor);
        Assert.AreEqual(2L, log.Read(new AuditFilter(From: Start.UtcDateTime.AddMinutes(2), To: Start.UtcDateTime.AddMinutes(4))).Total);
        var second = log.Read(new AuditFilter(Page: 2, PageSize: 3));
        Assert.AreEqual(7L, second.Total);
        CollectionAssert.AreEqual(new long[] { 4, 3, 2 }, second.Rows.Select(r => r.Id).ToArray());
    }

    [TestMethod]
    public void Long_fields_are_clipped_and_unknown_outcomes_refused()
    {
        using var test = TestStore.InMemory();
        var log = new AuditLog(test.Store, new FakeTimeProvider(Start));

        log.Write(new AuditEntry(AuditActor.Cli(), AuditActions.Query, "query", new string('x', 1_000_000)));

        Assert.AreEqual(AuditLog.MaxFieldLength + 1, log.Read(new AuditFilter()).Rows.Single().Parameters!.Length);
        Assert.ThrowsExactly<ArgumentException>(() => log.Write(new AuditEntry(AuditActor.System, "x", "y", Outcome: "maybe")));
    }

    [TestMethod]
    public void The_log_has_no_update_or_delete_path()
    {
        var methods = typeof(IAuditLog).GetMethods().Select(m => m.Name).Concat(typeof(AuditLog).GetMethods().Select(m => m.Name));

        Assert.IsFalse(methods.Any(m => m.Contains("Update", StringComparison.Ordinal) || m.Contains("Delete", StringComparison.Ordinal) || m.Contains("Remove", StringComparison.Ordinal)));
    }
}
