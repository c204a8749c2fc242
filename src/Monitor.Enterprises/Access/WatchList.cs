using Monitor.Core.Audit;
using Monitor.Core.Store;
using Monitor.Enterprises.Codes;

namespace Monitor.Enterprises.Access;

/// <summary>What became of a request to watch a firm.</summary>
public enum WatchOutcome
{
    Added,
    AlreadyWatched,
    /// <summary>Not an 18-character code with a right check character.</summary>
    BadId,
    /// <summary>No scope, an unknown firm, or a firm outside the scope: the same answer, so nobody learns which.</summary>
    Refused,
}

/// <summary>
/// Watch lists (重点企业名单): each user adds firms of their own scope and removes any. Every change is audited
/// (action enterprise-watch), refusals included; what the list shows is read through <see cref="FirmReader"/>.
/// </summary>
public sealed class WatchList(MonitorStore store, EnterpriseScopes scopes, IAuditLog audit, TimeProvider clock)
{
    /// <summary>The audit action of adding and removing watched firms.</summary>
    public const string AuditAction = "enterprise-watch";

    public WatchOutcome Add(AuditActor actor, string target, string enterpriseId)
    {
        using var scope = audit.Begin(actor, AuditAction, target, "add=" + enterpriseId);
        if (!CreditCode.IsValid(enterpriseId))
        {
            scope.Fail("not a unified social credit code");
            return WatchOutcome.BadId;
        }
        var prefixes = scopes.Of(actor.Name);
        if (!InScope(enterpriseId, prefixes))
        {
            scope.Fail(prefixes.Count == 0 ? "no enterprise scope" : "firm not within scope " + string.Join(",", prefixes), AuditOutcome.Denied);
            return WatchOutcome.Refused;
        }
        using var connection = store.Open();
        var added = Sql.Execute(connection, null, "INSERT OR IGNORE INTO enterprise_watch VALUES ($1, $2, $3)",
            actor.Name, enterpriseId, clock.GetUtcNow().UtcDateTime);
        scope.Complete(added, added > 0 ? "added" : "already watched");
        return added > 0 ? WatchOutcome.Added : WatchOutcome.AlreadyWatched;
    }

    /// <summary>Takes a firm off the caller's list (always allowed, also after the scope was removed); false when it was not on it.</summary>
    public bool Remove(AuditActor actor, string target, string enterpriseId)
    {
        using var scope = audit.Begin(actor, AuditAction, target, "remove=" + enterpriseId);
        using var connection = store.Open();
        var removed = Sql.Execute(connection, null, "DELETE FROM enterprise_watch WHERE user_name = $1 AND enterprise_id = $2", actor.Name, enterpriseId);
        scope.Complete(removed, removed > 0 ? "removed" : "was not watched");
        return removed > 0;
    }

    /// <summary>How many watch alerts were raised for the user in the window: a count only, so a digest reads firms (audited) only when there are some.</summary>
    public long AlertsRaised(string userName, DateTime afterUtc, DateTime untilUtc)
    {
        using var connection = store.Open();
        return Sql.Long(connection, null, "SELECT count(*) FROM enterprise_watch_alerts WHERE user_name = $1 AND raised_at > $2 AND raised_at <= $3",
            userName, afterUtc, untilUtc);
    }

    // The firm's latest region must lie in the scope; the scope is in the SQL, so nothing is read about other firms.
    private bool InScope(string enterpriseId, IReadOnlyList<string> prefixes)
    {
        if (prefixes.Count == 0) return false;
        var values = new List<object?> { enterpriseId };
        var clause = ScopeClause.Build("region", prefixes, values);
        using var connection = store.Open();
        return Sql.Long(connection, null, $"""
            SELECT count(*) FROM (SELECT arg_max(region_code, period) AS region FROM enterprise_current WHERE enterprise_id = $1 HAVING count(*) > 0)
            WHERE {clause}
            """, values.ToArray()) > 0;
    }
}
