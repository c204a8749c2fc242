using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Present.Email.Store;
using Monitor.Present.Email.Subscriptions;

namespace Monitor.Present.Email.Digest;

/// <summary>
/// Reads the alert changes a subscription has not had yet: events after its cursor that match its filters, leaving out
/// alerts someone muted on the dashboard (while the mute lasts), each with its alert group and priority from the warn
/// stage's view alert_group_members (in a store without the warn stage every alert is a group of its own).
/// </summary>
public sealed class DigestEventReader(MonitorStore store, TimeProvider clock)
{
    private const string GroupedAlerts = "alert_group_members";

    private const string UngroupedAlerts =
        "(SELECT *, dedup_key AS group_key, 'alert' AS group_kind, title AS group_label, title_zh AS group_label_zh, 1.0 AS priority FROM alerts)";

    // Resolutions often carry a lower severity than the alert had; the alert's own severity counts too.
    private const string Query = """
        SELECT e.event_id, e.event, e.severity, e.occurred_at, a.alert_id, a.rule, a.series_id, a.period, a.colour,
               a.title, a.title_zh, a.message, a.message_zh, s.name, s.name_zh,
               a.group_key, a.group_kind, a.group_label, a.group_label_zh, a.priority
        FROM alert_events e
        JOIN {0} a ON a.alert_id = e.alert_id
        LEFT JOIN series s ON s.series_id = a.series_id
        WHERE e.event_id > $1 AND e.event_id <= $2
          AND e.event IN ('opened', 'escalated', 'resolved')
          AND ($3 = '' OR s.domain = $3)
          AND ($4 = '' OR s.region_code = $4)
          AND ($5 = '' OR s.industry_code = $5)
          AND ($6 = '' OR a.series_id = $6)
          AND greatest(CASE e.severity WHEN 'critical' THEN 3 WHEN 'warning' THEN 2 ELSE 1 END,
                       CASE a.severity WHEN 'critical' THEN 3 WHEN 'warning' THEN 2 ELSE 1 END) >= $7
          AND NOT (a.state = 'muted' AND (a.muted_until IS NULL OR a.muted_until > $8))
        ORDER BY e.event_id
        """;

    public DigestBatch Read(Subscription subscription)
    {
        using var connection = store.Open();
        using var transaction = connection.BeginTransaction();
        var highWater = HighWater(connection, transaction);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Query.Replace("{0}", HasGroups(connection, transaction) ? GroupedAlerts : UngroupedAlerts, StringComparison.Ordinal);
        var filter = subscription.Filter;
        Sql.Bind(command, subscription.CursorEventId, highWater, filter.Domain ?? "", filter.RegionCode ?? "",
            filter.IndustryCode ?? "", filter.SeriesId ?? "", Severities.Rank(filter.MinSeverity), clock.GetUtcNow().UtcDateTime);
        var events = new List<DigestEvent>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) events.Add(ReadEvent(reader));
        }
        transaction.Commit();
        return new DigestBatch(events, Math.Max(highWater, subscription.CursorEventId));
    }

    private static long HighWater(DuckDBConnection connection, DuckDBTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT coalesce(max(event_id), 0) FROM alert_events";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool HasGroups(DuckDBConnection connection, DuckDBTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT count(*) FROM duckdb_views() WHERE database_name = current_database() AND view_name = '{GroupedAlerts}'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static DigestEvent ReadEvent(System.Data.IDataRecord r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetDateTime(3), r.GetInt64(4), r.GetString(5),
        Text(r, 6), r.IsDBNull(7) ? null : DateOnly.FromDateTime(r.GetDateTime(7)), Text(r, 8), r.GetString(9),
        Text(r, 10), Text(r, 11), Text(r, 12), Text(r, 13), Text(r, 14),
        Text(r, 15), Text(r, 16), Text(r, 17), Text(r, 18), r.IsDBNull(19) ? 1.0 : Convert.ToDouble(r.GetValue(19), System.Globalization.CultureInfo.InvariantCulture));

    private static string? Text(System.Data.IDataRecord r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
