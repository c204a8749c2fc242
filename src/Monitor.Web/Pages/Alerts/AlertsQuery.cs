using Monitor.Core.Store;
using Monitor.Present.Charts;
using Monitor.Warn.Alerts;
using Monitor.Web.Pages.Shared;

namespace Monitor.Web.Pages.Alerts;

/// <summary>Lists alerts by filter; analysts' actions go through the warn stage's <see cref="AlertStore"/>, which owns the alerts table.</summary>
public sealed class AlertsQuery(MonitorStore store, StoreChangeToken changes, AlertStore alerts, TimeProvider clock)
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

    /// <summary>
    /// Applies 'acknowledge', 'mute' (for <paramref name="muteDays"/>) or 'resolve' through the warn stage's
    /// <see cref="AlertStore"/> (its lifecycle guards and alert_events row); false when the alert does not exist or is resolved.
    /// </summary>
    public bool Act(long alertId, string action, string actor, int muteDays = 30)
    {
        var changed = action switch
        {
            "acknowledge" => alerts.Acknowledge(alertId, actor),
            "mute" => alerts.Mute(alertId, clock.GetUtcNow().UtcDateTime.AddDays(muteDays), actor),
            "resolve" => alerts.Resolve(alertId, actor),
            _ => throw new ArgumentException($"unknown alert action '{action}'", nameof(action)),
        };
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
