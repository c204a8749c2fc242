namespace Monitor.Warn.Alerts;

/// <summary>
/// The alert groups as readers see them, over the view alert_group_members (docs/store.md). A query, not a second view:
/// DuckDB's EXPORT DATABASE does not write views in dependency order, so a view on that view would break restoring a backup.
/// </summary>
public static class AlertGroupSql
{
    /// <summary>
    /// One row per group: group_key, group_kind, economy, label, label_zh, open_members (unresolved), members, priority and
    /// severity_rank (highest among the unresolved; 0 and null when none), last_opened, last_period. Use as <c>FROM (Groups) g</c>.
    /// </summary>
    public const string Groups = """
        SELECT group_key, any_value(group_kind) AS group_kind, any_value(economy) AS economy,
               any_value(group_label) AS label, any_value(group_label_zh) AS label_zh,
               count(*) FILTER (WHERE state <> 'resolved') AS open_members, count(*) AS members,
               coalesce(max(priority) FILTER (WHERE state <> 'resolved'), 0) AS priority,
               max(CASE severity WHEN 'critical' THEN 3 WHEN 'warning' THEN 2 ELSE 1 END) FILTER (WHERE state <> 'resolved') AS severity_rank,
               max(opened_at) FILTER (WHERE state <> 'resolved') AS last_opened, max(period) FILTER (WHERE state <> 'resolved') AS last_period
        FROM alert_group_members GROUP BY group_key
        """;
}
