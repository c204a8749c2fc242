using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Audit;
using Monitor.Enterprises.Access;
using Monitor.Enterprises.Ingest;
using Monitor.Enterprises.Store;
using Monitor.Enterprises.Warnings;
using Monitor.Ingest.Store;
using Monitor.Testing;

namespace Monitor.Enterprises.Tests.Access;

/// <summary>
/// Watch lists: users add firms of their scope only (refusals audited), a warning that a run finds on a watched firm
/// becomes an alert for that user only, and a user whose scope was removed gets no firm in the alert or its e-mail.
/// </summary>
[TestClass]
public sealed class WatchListTests
{
    private static readonly string BeijingFirm = PanelFiles.Id(1, "110101");
    private static readonly string GuangdongFirm = PanelFiles.Id(9, "440305");

    private TestStore _store = null!;
    private string _folder = null!;
    private FakeTimeProvider _clock = null!;
    private EnterpriseScopes _scopes = null!;
    private AuditLog _audit = null!;
    private WatchList _watch = null!;
    private FirmReader _reader = null!;
    private FirmWarnings _warnings = null!;
    private PanelLoader _loader = null!;

    [TestInitialize]
    public void SetUp()
    {
        _store = TestStore.InMemory(EnterpriseSchema.Scripts.Concat(IngestSchema.Scripts));
        _folder = TempFolder.Create();
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 10, 8, 0, 0, TimeSpan.Zero));
        _scopes = new EnterpriseScopes(_store.Store, _clock);
        _audit = new AuditLog(_store.Store, _clock);
        _watch = new WatchList(_store.Store, _scopes, _audit, _clock);
        _reader = new FirmReader(_store.Store, _scopes, _audit);
        _warnings = new FirmWarnings(_store.Store, _clock, Options.Create(new EnterpriseOptions()));
        _loader = new PanelLoader(_store.Store, _clock);
        Load(fallInLastMonth: false);
        Assert.AreEqual(new WarningRun(0, 0), _warnings.Run(), "a steady panel has no warnings");
        foreach (var user in new[] { "bj", "bj-other" }) _scopes.Grant(user, "11", "admin");
        _scopes.Grant("gd", "44", "admin");
    }

    [TestCleanup]
    public void TearDown()
    {
        _store.Dispose();
        TempFolder.Delete(_folder);
    }

    [TestMethod]
    public void UserAddsAndRemovesAFirmOfTheirScope()
    {
        Assert.AreEqual(WatchOutcome.Added, _watch.Add(Actor("bj"), "test", BeijingFirm));
        Assert.AreEqual(WatchOutcome.AlreadyWatched, _watch.Add(Actor("bj"), "test", BeijingFirm));
        CollectionAssert.AreEqual(new[] { BeijingFirm }, _reader.WatchedIds("bj").ToArray());
        Assert.IsEmpty(_reader.WatchedIds("bj-other"), "a list belongs to one user");

        Assert.IsTrue(_watch.Remove(Actor("bj"), "test", BeijingFirm));
        Assert.IsFalse(_watch.Remove(Actor("bj"), "test", BeijingFirm));
        Assert.IsEmpty(_reader.WatchedIds("bj"));
        var changes = _audit.Read(new AuditFilter(Actor: "bj", Action: WatchList.AuditAction)).Rows;
        Assert.AreEqual(4, changes.Count, "every add and remove is audited");
    }

    [TestMethod]
    public void AFirmOutsideTheScopeIsRefusedAndTheRefusalAudited()
    {
        Assert.AreEqual(WatchOutcome.Refused, _watch.Add(Actor("bj"), "POST /api/v1/enterprises/watchlist", GuangdongFirm));
        Assert.AreEqual(WatchOutcome.Refused, _watch.Add(Actor("nobody"), "test", BeijingFirm), "no scope at all");
        Assert.AreEqual(WatchOutcome.Refused, _watch.Add(Actor("bj"), "test", PanelFiles.Id(77, "110101")), "an unknown firm answers the same");
        Assert.AreEqual(WatchOutcome.BadId, _watch.Add(Actor("bj"), "test", "91110101000000011"));
        Assert.IsEmpty(_reader.WatchedIds("bj"));

        var refusal = _audit.Read(new AuditFilter(Actor: "bj", Action: WatchList.AuditAction, Outcome: AuditOutcome.Denied)).Rows;
        Assert.AreEqual(2, refusal.Count);
        Assert.IsTrue(refusal.Any(r => r.Target == "POST /api/v1/enterprises/watchlist" && r.Parameters == "add=" + GuangdongFirm));
        Assert.AreEqual(1, _audit.Read(new AuditFilter(Actor: "nobody", Outcome: AuditOutcome.Denied)).Rows.Count);
    }

    [TestMethod]
    public void AWarningOnAWatchedFirmIsAnAlertForThatUserOnly()
    {
        _watch.Add(Actor("bj"), "test", BeijingFirm);
        _watch.Add(Actor("gd"), "test", GuangdongFirm);
        _clock.Advance(TimeSpan.FromDays(1));
        Load(fallInLastMonth: true);

        var run = _warnings.Run();

        Assert.AreEqual(1L, run.WatchAlerts);
        var raised = Alerts();
        CollectionAssert.AreEqual(new[] { $"bj {BeijingFirm} 2025-12 fall" }, raised);
        Assert.AreEqual(0L, _warnings.Run().WatchAlerts, "a warning already known raises nothing again");

        var mail = new WatchAlertSource(_watch, _reader);
        var alert = mail.Read("bj", _clock.GetUtcNow().UtcDateTime.AddHours(-1), _clock.GetUtcNow().UtcDateTime).Single();
        StringAssert.Contains(alert.TitleZh, "企业1");
        StringAssert.Contains(alert.MessageZh, "得分 0.10");
        Assert.AreEqual("/Enterprises#watchlist", alert.PagePath, "the digest links the rest to the watch list, not to the Alerts page");
        Assert.IsEmpty(mail.Read("bj-other", DateTime.MinValue, DateTime.MaxValue), "same scope, not watching: nothing");
        Assert.IsEmpty(mail.Read("gd", DateTime.MinValue, DateTime.MaxValue));
        var read = _audit.Read(new AuditFilter(Actor: "bj", Action: AuditActions.EnterpriseRead)).Rows.Single();
        Assert.AreEqual(("email", WatchAlertSource.AuditTarget, AuditOutcome.Success, (long?)1), (read.Via, read.Target, read.Outcome, read.Rows));

        var watched = _reader.Watched(Actor("bj"), "test").Single();
        Assert.AreEqual((BeijingFirm, true, "fall"), (watched.EnterpriseId, watched.InScope, watched.LatestWarnings.Single().Kind));
    }

    [TestMethod]
    public void AUserWhoseScopeWasRemovedGetsNoFirmFigures()
    {
        _watch.Add(Actor("bj"), "test", BeijingFirm);
        _watch.Add(Actor("bj-other"), "test", BeijingFirm);
        _scopes.Revoke("bj-other", "11");
        _clock.Advance(TimeSpan.FromDays(1));
        Load(fallInLastMonth: true);

        _warnings.Run();
        CollectionAssert.AreEqual(new[] { $"bj {BeijingFirm} 2025-12 fall" }, Alerts(), "no alert is raised for a user without the scope");

        // the scope goes after the alert was raised, before the digest is written
        _scopes.Revoke("bj", "11");
        var mail = new WatchAlertSource(_watch, _reader);
        Assert.IsEmpty(mail.Read("bj", DateTime.MinValue, DateTime.MaxValue));
        var refused = _audit.Read(new AuditFilter(Actor: "bj", Action: AuditActions.EnterpriseRead)).Rows.Single();
        Assert.AreEqual((WatchAlertSource.AuditTarget, AuditOutcome.Denied), (refused.Target, refused.Outcome));
        Assert.ThrowsExactly<FirmAccessDeniedException>(() => _reader.Watched(Actor("bj"), "test"));

        // a narrower scope elsewhere still reads nothing of the Beijing firm
        _scopes.Grant("bj", "4403", "admin");
        Assert.IsEmpty(mail.Read("bj", DateTime.MinValue, DateTime.MaxValue));
        var listed = _reader.Watched(Actor("bj"), "test").Single();
        Assert.AreEqual((BeijingFirm, false, (string?)null), (listed.EnterpriseId, listed.InScope, listed.Name));
    }

    private static AuditActor Actor(string user) => new(user, "cookie");

    private List<string> Alerts() => Monitor.Core.Store.Sql.Rows(_store.Store,
        "SELECT user_name || ' ' || enterprise_id || ' ' || strftime(period, '%Y-%m') || ' ' || kind FROM enterprise_watch_alerts ORDER BY 1", r => r.GetString(0));

    /// <summary>Four Beijing firms and one Guangdong firm, 24 steady months; firm 1's output falls to a tenth in 2025-12 when asked.</summary>
    private void Load(bool fallInLastMonth)
    {
        var rows = new List<PanelRow>();
        foreach (var (n, region) in new[] { (1, "110101"), (2, "110101"), (3, "110102"), (4, "110105"), (9, "440305") })
            for (var m = 0; m < 24; m++)
            {
                var month = new DateOnly(2024, 1, 1).AddMonths(m);
                var value = fallInLastMonth && n == 1 && m == 23 ? 10 : 100 * n;
                rows.Add(new PanelRow(PanelFiles.Id(n, region), $"企业{n}", region, "1311", "small", "output",
                    month.ToString("yyyy-MM", CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture)));
            }
        var result = _loader.Load(PanelFiles.WriteCsv(_folder, rows, $"panel-{fallInLastMonth}.csv"), "enterprise:test");
        Assert.IsTrue(result.Succeeded, result.Summary());
    }
}
