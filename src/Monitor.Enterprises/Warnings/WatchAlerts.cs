using DuckDB.NET.Data;
using Monitor.Core.Store;

namespace Monitor.Enterprises.Warnings;

/// <summary>
/// Raises watch alerts inside a warnings run: every warning of the run's fresh table that the stored warnings did not
/// hold yet, on a firm a user watches, while that user's scope covers the warning's region. One row per user, so the
/// alert goes to that user only; a user without a covering scope gets none.
/// </summary>
internal static class WatchAlerts
{
    /// <summary>The temporary table a warnings run fills before it replaces enterprise_warnings.</summary>
    public const string Fresh = "fresh_enterprise_warnings";

    public static long Raise(DuckDBConnection connection, DateTime now) => Sql.Execute(connection, null, $"""
        INSERT OR IGNORE INTO enterprise_watch_alerts
        SELECT w.user_name, f.enterprise_id, f.period, f.kind, $1
        FROM {Fresh} f JOIN enterprise_watch w ON w.enterprise_id = f.enterprise_id
        WHERE EXISTS (SELECT 1 FROM enterprise_scopes s WHERE s.user_name = w.user_name AND starts_with(f.region_code, s.region_prefix))
          AND NOT EXISTS (SELECT 1 FROM enterprise_warnings o WHERE o.enterprise_id = f.enterprise_id AND o.period = f.period AND o.kind = f.kind)
        """, now);
}
