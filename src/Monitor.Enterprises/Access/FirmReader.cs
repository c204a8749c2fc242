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

/// <summary>Refused: the user has no `enterprise` scope (or asked outside it).</summary>
public sealed class FirmAccessDeniedException(string message) : Exception(message);

/// <summary>
/// The one door to firm-level rows: every read is limited to the caller's region scope in SQL (rows outside it never
/// leave the store) and writes an audit row — user, time, route or verb, filter, rows — even when it fails or is refused.
/// </summary>
public sealed class FirmReader(MonitorStore store, EnterpriseScopes scopes, IAuditLog audit)
{
    public IReadOnlyList<FirmRow> Rows(AuditActor actor, string target, FirmFilter filter) =>
        Audited(actor, target, filter, prefixes =>
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
        Audited(actor, target, filter, prefixes =>
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

    /// <summary>True when the user holds any scope (the `enterprise` permission); not audited, reveals no firm.</summary>
    public bool Entitled(string? userName) => scopes.Of(userName).Count > 0;

    private IReadOnlyList<T> Audited<T>(AuditActor actor, string target, FirmFilter filter, Func<IReadOnlyList<string>, List<T>> read)
    {
        using var scope = audit.Begin(actor, AuditActions.EnterpriseRead, target, filter.ToString());
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
        var clauses = new List<string> { "(" + string.Join(" OR ", prefixes.Select(p => $"starts_with({alias}region_code, {Next(p)})")) + ")" };
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
