using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Present.Charts;
using Monitor.Web.Pages.Shared;

namespace Monitor.Web.Pages.Alerts;

/// <summary>Lists alerts by filter and records analysts' actions (state change + alert_events row, in one transaction).</summary>
public sealed class AlertsQuery(MonitorStore store, StoreChangeToken changes, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> States = ["open", "acknowledged", "muted", "resolved"];
    public static readonly IReadOnlyList<string> Severities = ["info", "warning", "critical"];

    /// <summary>Alerts matching the filter (empty = any) with their group and priority, highest priority first, newest first within it.</summary>
    public IReadOnlyList<AlertRow> List(string? state, string? severity, string? rule, int limit = 2000, string? economy = null, string? group = null) => Sql.Rows(store, """
        SELECT alert_id, rule, series_id, period, severity, colour, state, title, title_zh, message, message_zh, opened_at, updated_at,
               acknowledged_by, muted_until, group_key, group_kind, economy, group_label, group_label_zh, priority
        FROM alert_group_members
        WHERE ($1 = '' OR state = $1) AND ($2 = '' OR severity = $2) AND ($3 = '' OR rule = $3) AND ($5 = '' OR economy = $5) AND ($6 = '' OR group_key = $6)
        ORDER BY priority DESC, opened_at DESC, alert_id DESC LIMIT $4
        """, r => new AlertRow(r.GetInt64(0), r.GetString(1), r.Text(2), r.IsDBNull(3) ? null : r.Day(3), r.GetString(4), r.Text(5), r.GetString(6),
            r.GetString(7), r.Text(8), r.Text(9), r.Text(10), r.GetDateTime(11), r.GetDateTime(12), r.Text(13), r.Time(14),
            new AlertGroupRef(r.GetString(15), r.GetString(16), r.GetString(17), r.GetString(18), r.Text(19)), r.GetDouble(20)),
        state ?? "", severity ?? "", rule ?? "", limit, economy ?? "", group ?? "");

    /// <summary>The economies that have alerts.</summary>
    public IReadOnlyList<string> Economies() => Sql.Rows(store, "SELECT DISTINCT economy FROM alert_group_members ORDER BY economy", r => r.GetString(0));

    public IReadOnlyList<string> Rules() => Sql.Rows(store, "SELECT DISTINCT rule FROM alerts ORDER BY rule", r => r.GetString(0));

    /// <summary>Applies 'acknowledge', 'mute' (for <paramref name="muteDays"/>) or 'resolve'; false when the alert does not exist.</summary>
    public bool Act(long alertId, string action, string actor, int muteDays = 30)
    {
        var (state, eventName) = action switch
        {
            "acknowledge" => ("acknowledged", "acknowledged"),
            "mute" => ("muted", "muted"),
            "resolve" => ("resolved", "resolved"),
            _ => throw new ArgumentException($"unknown alert action '{action}'", nameof(action)),
        };
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = store.InTransaction((connection, _) =>
        {
            var severity = Sql.Rows(connection, "SELECT severity FROM alerts WHERE alert_id = $1", r => r.GetString(0), alertId).FirstOrDefault();
            if (severity is null) return false;
            using (var update = connection.CreateCommand())
            {
                update.CommandText = """
                    UPDATE alerts SET state = $2, updated_at = $3,
                      acknowledged_by = CASE WHEN $2 = 'acknowledged' THEN $4 ELSE acknowledged_by END,
                      muted_until = CASE WHEN $2 = 'muted' THEN $5 ELSE muted_until END,
                      resolved_at = CASE WHEN $2 = 'resolved' THEN $3 ELSE resolved_at END
                    WHERE alert_id = $1
                    """;
                foreach (var value in new object[] { alertId, state, now, actor, now.AddDays(muteDays) }) update.Parameters.Add(new DuckDBParameter(value));
                update.ExecuteNonQuery();
            }
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO alert_events (event_id, alert_id, occurred_at, event, severity, actor) VALUES ($1, $2, $3, $4, $5, $6)";
            foreach (var value in new object[] { MonitorStore.NextId(connection, "alert_event_seq"), alertId, now, eventName, severity, actor })
                insert.Parameters.Add(new DuckDBParameter(value));
            insert.ExecuteNonQuery();
            return true;
        });
        if (changed) changes.Invalidate();
        return changed;
    }
}

/// <summary>One alert as the Alerts page lists it, with its group and priority (severity × weight).</summary>
public sealed record AlertRow(long AlertId, string Rule, string? SeriesId, DateOnly? Period, string Severity, string? Colour, string State,
    string Title, string? TitleZh, string? Message, string? MessageZh, DateTime OpenedAt, DateTime UpdatedAt, string? AcknowledgedBy, DateTime? MutedUntil,
    AlertGroupRef? Group = null, double Priority = 0);

/// <summary>The group an alert is read in: key, kind (source, family, index, alert), economy, label.</summary>
public sealed record AlertGroupRef(string Key, string Kind, string Economy, string Label, string? LabelZh);
