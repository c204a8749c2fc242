using DuckDB.NET.Data;
using Monitor.Core.Store;
using static Monitor.Testing.StoreSql;

namespace Monitor.Present.Tests.Email.Support;

/// <summary>Writes series, alerts and alert events with plain SQL, the way the warning stage fills them.</summary>
public static class AlertSeed
{
    public static void Series(MonitorStore store, string seriesId, string name, string nameZh, string domain = "macro", string? region = null, string? industry = null)
    {
        Execute(store, """
            INSERT INTO series (series_id, dataset, code, name, name_zh, domain, region_code, industry_code, frequency)
            VALUES ($1, 'test', $1, $2, $3, $4, $5, $6, 'M')
            """, seriesId, name, nameZh, domain, region, industry);
    }

    /// <summary>Opens an alert on a series and records its 'opened' event; returns the alert id.</summary>
    public static long Open(MonitorStore store, string seriesId, string severity, string? colour, string title, string titleZh, DateTimeOffset at)
    {
        using var connection = store.Open();
        var alertId = MonitorStore.NextId(connection, "alert_seq");
        Execute(connection, """
            INSERT INTO alerts (alert_id, dedup_key, rule, series_id, period, severity, colour, state, title, title_zh,
                message, message_zh, opened_at, updated_at)
            VALUES ($1, $2, 'light', $3, DATE '2026-10-01', $4, $5, 'open', $6, $7, 'Signal light changed', '信号灯变化', $8, $8)
            """, alertId, $"light:{seriesId}:{alertId}", seriesId, severity, colour, title, titleZh, at.UtcDateTime);
        Event(connection, alertId, "opened", severity, at);
        return alertId;
    }

    /// <summary>Puts an alert in a group as the warn stage does (table alert_grouping; needs the warn schema).</summary>
    public static void Group(MonitorStore store, long alertId, string groupKey, string kind, string label, string labelZh, double weight) =>
        Execute(store, """
            INSERT INTO alert_grouping SELECT dedup_key, $2, $3, 'US', $4, $5, $6 FROM alerts WHERE alert_id = $1
            """, alertId, groupKey, kind, label, labelZh, weight);

    public static void Event(MonitorStore store, long alertId, string kind, string severity, DateTimeOffset at)
    {
        using var connection = store.Open();
        Event(connection, alertId, kind, severity, at);
    }

    public static long MaxEventId(MonitorStore store)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(event_id), 0) FROM alert_events";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Event(DuckDBConnection connection, long alertId, string kind, string severity, DateTimeOffset at) =>
        Execute(connection, "INSERT INTO alert_events (event_id, alert_id, occurred_at, event, severity) VALUES (nextval('alert_event_seq'), $1, $2, $3, $4)",
            alertId, at.UtcDateTime, kind, severity);
}
