using Monitor.Core.Store;
using Monitor.Enterprises.Codes;
using Monitor.Enterprises.Store;

namespace Monitor.Enterprises.Access;

/// <summary>
/// The `enterprise` permission: per user, the province (2-digit) or city (4-digit) prefixes of GB/T 2260 codes whose
/// firms the user may read. No row, no firm-level access. Admins grant and revoke; API keys act with their owner's.
/// </summary>
public sealed class EnterpriseScopes(MonitorStore store, TimeProvider clock)
{
    /// <summary>The prefixes granted to <paramref name="userName"/> (empty: no firm-level access).</summary>
    public IReadOnlyList<string> Of(string? userName)
    {
        if (string.IsNullOrEmpty(userName)) return [];
        using var connection = store.Open();
        return Sql.Rows(connection, "SELECT region_prefix FROM enterprise_scopes WHERE user_name = $1 ORDER BY 1", r => r.GetString(0), userName);
    }

    /// <summary>Every grant, for the admin page.</summary>
    public IReadOnlyList<(string User, string Prefix, string GrantedBy, DateTime GrantedAt)> All()
    {
        using var connection = store.Open();
        return Sql.Rows(connection, "SELECT user_name, region_prefix, granted_by, granted_at FROM enterprise_scopes ORDER BY 1, 2",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetDateTime(3)));
    }

    /// <summary>Grants a province or city; the code must be a known division.</summary>
    public void Grant(string userName, string prefix, string grantedBy)
    {
        if (ScopeProblem(prefix) is { } problem) throw new ArgumentException(problem, nameof(prefix));
        using var connection = store.Open();
        Sql.Execute(connection, null, "INSERT OR IGNORE INTO enterprise_scopes VALUES ($1, $2, $3, $4)", userName, prefix, grantedBy, clock.GetUtcNow().UtcDateTime);
    }

    public void Revoke(string userName, string prefix)
    {
        using var connection = store.Open();
        Sql.Execute(connection, null, "DELETE FROM enterprise_scopes WHERE user_name = $1 AND region_prefix = $2", userName, prefix);
    }

    /// <summary>Why a scope code is not acceptable, or null.</summary>
    public static string? ScopeProblem(string prefix) =>
        prefix.Length is 2 or 4 && prefix.All(char.IsAsciiDigit) && CodeLists.Shipped.RegionName(prefix) is not null
            ? null
            : $"'{prefix}' is not a GB/T 2260 province (2 digits) or city (4 digits) code";

    /// <summary>True when <paramref name="regionCode"/> lies within one of <paramref name="prefixes"/>.</summary>
    public static bool Covers(IReadOnlyList<string> prefixes, string regionCode) =>
        prefixes.Any(p => regionCode.StartsWith(p, StringComparison.Ordinal));
}
