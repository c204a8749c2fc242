using System.Globalization;
using Monitor.Core.Audit;
using Monitor.Core.Store;
using Monitor.Enterprises.Store;

namespace Monitor.Enterprises.Access;

/// <summary>What a caller asks of firm-level data; every field optional.</summary>
public sealed record FirmFilter(string? Region = null, string? Industry = null, string? Indicator = null, DateOnly? Period = null, string? EnterpriseId = null, int Limit = 500)
{
    public override string ToString() => string.Join("&", new[]
    {
        Region is null ? null : $"region={Region}", Industry is null ? null : $"industry={Industry}", Indicator is null ? null : $"indicator={Indicator}",
        Period is null ? null : $"period={Period:yyyy-MM}", EnterpriseId is null ? null : $"enterprise={EnterpriseId}", $"limit={Limit}",
    }.Where(p => p is not null));
}

/// <summary>One firm-level row as handed to an entitled user.</summary>
public sealed record FirmRow(string EnterpriseId, string Name, string RegionCode, string IndustryCode, string SizeClass, string Indicator, DateOnly Period, double Value, string? Unit);

/// <summary>One firm warning as handed to an entitled user.</summary>
public sealed record FirmWarningRow(string EnterpriseId, string Name, string RegionCode, string IndustryCode, DateOnly Period, string Kind, double? Score);

/// <summary>A firm on a user's watch list: its latest warnings when it lies in the user's scope; only the id otherwise.</summary>
public sealed record WatchedFirm(string EnterpriseId, bool InScope, string? Name, string? RegionCode, string? IndustryCode, IReadOnlyList<FirmWarningRow> LatestWarnings);

/// <summary>A watch alert as handed to its user: the warning that raised it and when.</summary>
public sealed record WatchAlertRow(FirmWarningRow Warning, DateTime RaisedAt);

/// <summary>Refused: the user has no `enterprise` scope (or asked outside it).</summary>
public sealed class FirmAccessDeniedException(string message) : Exception(message);

/// <summary>
/// The one door to firm-level rows: every read is limited to the caller's region scope in SQL (rows outside it never
/// leave the store) and writes an audit row — user, time, route or verb, filter, rows — even when it fails or is refused.
/// </summary>
public sealed class FirmReader(MonitorStore store, EnterpriseScopes scopes, IAuditLog audit)
{
    public IReadOnlyList<FirmRow> Rows(AuditActor actor, string target, FirmFilter filter) =>
        Audited(actor, target, filter.ToString(), prefixes =>
        {
            var (where, values) = Where(filter, prefixes, "c.");
            using var connection = store.Open();
            return Sql.Rows(connection, $"""
                SELECT c.enterprise_id, c.enterprise_name, c.region_code, c.industry_code, c.size_class, c.indicator, c.period, c.value, c.unit
                FROM enterprise_current c WHERE {where}
                ORDER BY c.enterprise_id, c.indicator, c.period LIMIT {Math.Clamp(filter.Limit, 1, 100_000)}
                """, r => new FirmRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                    DateOnly.FromDateTime(r.GetDateTime(6)), r.GetDouble(7), r.IsDBNull(8) ? null : r.GetString(8)), values);
        });

    public IReadOnlyList<FirmWarningRow> Warnings(AuditActor actor, string target, FirmFilter filter) =>
        Audited(actor, target, filter.ToString(), prefixes =>
        {
            var (where, values) = Where(filter with { Indicator = null }, prefixes, "w.");
            using var connection = store.Open();
            return Sql.Rows(connection, $"""
                SELECT w.enterprise_id, (SELECT any_value(enterprise_name) FROM enterprise_current n WHERE n.enterprise_id = w.enterprise_id),
                       w.region_code, w.industry_code, w.period, w.kind, w.score
                FROM enterprise_warnings w WHERE {where}
                ORDER BY w.period DESC, w.enterprise_id LIMIT {Math.Clamp(filter.Limit, 1, 100_000)}
                """, r => new FirmWarningRow(r.GetString(0), r.IsDBNull(1) ? "" : r.GetString(1), r.GetString(2), r.GetString(3),
                    DateOnly.FromDateTime(r.GetDateTime(4)), r.GetString(5), r.IsDBNull(6) ? null : r.GetDouble(6)), values);
        });

    /// <summary>
    /// The caller's watch list, each firm with its warnings of the latest month it has any. Firms now outside the
    /// caller's scope come back as their id only (the id is what the user typed; nothing about the firm leaves).
    /// </summary>
    public IReadOnlyList<WatchedFirm> Watched(AuditActor actor, string target)
    {
        var visible = Audited(actor, target, "watchlist", prefixes =>
        {
            var values = new List<object?> { actor.Name };
            var firmScope = ScopeClause.Build("f.region_code", prefixes, values);
            var warningScope = ScopeClause.Build("x.region_code", prefixes, values);
            using var connection = store.Open();
            return Sql.Rows(connection, $"""
                WITH firm AS (
                    SELECT enterprise_id, arg_max(enterprise_name, period) AS name, arg_max(region_code, period) AS region_code,
                           arg_max(industry_code, period) AS industry_code
                    FROM enterprise_current WHERE enterprise_id IN (SELECT enterprise_id FROM enterprise_watch WHERE user_name = $1)
                    GROUP BY enterprise_id),
                latest AS (SELECT *, max(period) OVER (PARTITION BY enterprise_id) AS latest FROM enterprise_warnings)
                SELECT f.enterprise_id, f.name, f.region_code, f.industry_code, x.period, x.kind, x.score
                FROM firm f LEFT JOIN latest x ON x.enterprise_id = f.enterprise_id AND x.period = x.latest AND {warningScope}
                WHERE {firmScope}
                ORDER BY f.enterprise_id, x.kind
                """, r => (Firm: new WatchedFirm(r.GetString(0), true, r.GetString(1), r.GetString(2), r.GetString(3), []),
                    Warning: r.IsDBNull(4) ? null : new FirmWarningRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
                        DateOnly.FromDateTime(r.GetDateTime(4)), r.GetString(5), r.IsDBNull(6) ? null : r.GetDouble(6))), values.ToArray())
                .GroupBy(r => r.Firm.EnterpriseId)
                .Select(g => g.First().Firm with { LatestWarnings = g.Where(r => r.Warning is not null).Select(r => r.Warning!).ToList() })
                .ToList();
        });
        var byId = visible.ToDictionary(f => f.EnterpriseId, StringComparer.Ordinal);
        return WatchedIds(actor.Name).Select(id => byId.GetValueOrDefault(id) ?? new WatchedFirm(id, false, null, null, null, [])).ToList();
    }

    /// <summary>
    /// The caller's watch alerts raised after <paramref name="afterUtc"/> up to <paramref name="untilUtc"/>, for firms
    /// still on the list and warnings still inside the caller's scope (a scope removed since: refused, nothing returned).
    /// </summary>
    public IReadOnlyList<WatchAlertRow> WatchAlerts(AuditActor actor, string target, DateTime afterUtc, DateTime untilUtc) =>
        Audited(actor, target, $"watch-alerts after={afterUtc:yyyy-MM-ddTHH:mm:ss} until={untilUtc:yyyy-MM-ddTHH:mm:ss}", prefixes =>
        {
            var values = new List<object?> { actor.Name, afterUtc, untilUtc };
            var scope = ScopeClause.Build("w.region_code", prefixes, values);
            using var connection = store.Open();
            return Sql.Rows(connection, $"""
                SELECT a.enterprise_id, (SELECT arg_max(enterprise_name, period) FROM enterprise_current n WHERE n.enterprise_id = a.enterprise_id),
                       w.region_code, w.industry_code, a.period, a.kind, w.score, a.raised_at
                FROM enterprise_watch_alerts a
                JOIN enterprise_watch l ON l.user_name = a.user_name AND l.enterprise_id = a.enterprise_id
                JOIN enterprise_warnings w ON w.enterprise_id = a.enterprise_id AND w.period = a.period AND w.kind = a.kind
                WHERE a.user_name = $1 AND a.raised_at > $2 AND a.raised_at <= $3 AND {scope}
                ORDER BY a.raised_at, a.enterprise_id, a.period, a.kind
                """, r => new WatchAlertRow(new FirmWarningRow(r.GetString(0), r.IsDBNull(1) ? "" : r.GetString(1), r.GetString(2), r.GetString(3),
                    DateOnly.FromDateTime(r.GetDateTime(4)), r.GetString(5), r.IsDBNull(6) ? null : r.GetDouble(6)), r.GetDateTime(7)), values.ToArray());
        });

    /// <summary>The ids on a user's watch list (what the user chose; no firm data).</summary>
    public IReadOnlyList<string> WatchedIds(string userName)
    {
        using var connection = store.Open();
        return Sql.Rows(connection, "SELECT enterprise_id FROM enterprise_watch WHERE user_name = $1 ORDER BY enterprise_id", r => r.GetString(0), userName);
    }

    /// <summary>True when the user holds any scope (the `enterprise` permission); not audited, reveals no firm.</summary>
    public bool Entitled(string? userName) => scopes.Of(userName).Count > 0;

    private IReadOnlyList<T> Audited<T>(AuditActor actor, string target, string parameters, Func<IReadOnlyList<string>, List<T>> read)
    {
        using var scope = audit.Begin(actor, AuditActions.EnterpriseRead, target, parameters);
        var prefixes = scopes.Of(actor.Name);
        if (prefixes.Count == 0)
        {
            scope.Fail("no enterprise scope", AuditOutcome.Denied);
            throw new FirmAccessDeniedException($"{actor.Name} has no enterprise scope");
        }
        var rows = read(prefixes);
        scope.Complete(rows.Count, "scope " + string.Join(",", prefixes));
        return rows;
    }

    // The scope is part of the WHERE clause: a region filter outside it simply matches nothing.
    private static (string Where, object?[] Values) Where(FirmFilter filter, IReadOnlyList<string> prefixes, string alias)
    {
        var values = new List<object?>();
        string Next(object? value) { values.Add(value); return "$" + values.Count.ToString(CultureInfo.InvariantCulture); }
        var clauses = new List<string> { ScopeClause.Build(alias + "region_code", prefixes, values) };
        if (filter.Region is { Length: > 0 } region) clauses.Add($"starts_with({alias}region_code, {Next(region)})");
        // "C13" and "13" both mean division 13: the stored class has no section letter.
        if (filter.Industry is { Length: > 1 } industry)
            clauses.Add($"starts_with({alias}industry_code, {Next(char.IsAsciiLetter(industry[0]) ? industry[1..] : industry)})");
        if (filter.Indicator is { Length: > 0 } indicator) clauses.Add($"{alias}indicator = {Next(indicator)}");
        if (filter.Period is { } period) clauses.Add($"{alias}period = {Next(period)}");
        if (filter.EnterpriseId is { Length: > 0 } id) clauses.Add($"{alias}enterprise_id = {Next(id)}");
        return (string.Join(" AND ", clauses), values.ToArray());
    }
}
