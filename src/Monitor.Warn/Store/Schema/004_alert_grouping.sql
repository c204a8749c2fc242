-- Warn module: how each alert condition is grouped for readers (docs/warn.md "Alert groups"), rewritten by every warn
-- run with the alerts: "data not arrived" by dataset, variants of one indicator by family, composites by index; each
-- group belongs to one economy. weight = the indicator's weight in its economy's set (priority = severity × weight).
CREATE TABLE alert_grouping (
    dedup_key  VARCHAR PRIMARY KEY,
    group_key  VARCHAR NOT NULL,
    group_kind VARCHAR NOT NULL,  -- 'source', 'family', 'index'
    economy    VARCHAR NOT NULL,
    label      VARCHAR NOT NULL,
    label_zh   VARCHAR,
    weight     DOUBLE  NOT NULL
);

-- Every alert with its group and priority (an alert the warn stage never grouped is a group of its own).
CREATE VIEW alert_group_members AS
    SELECT a.*, coalesce(g.group_key, a.dedup_key) AS group_key, coalesce(g.group_kind, 'alert') AS group_kind,
           coalesce(g.economy, '') AS economy, coalesce(g.label, a.title) AS group_label, coalesce(g.label_zh, a.title_zh) AS group_label_zh,
           coalesce(g.weight, 1.0) AS weight,
           (CASE a.severity WHEN 'critical' THEN 3 WHEN 'warning' THEN 2 ELSE 1 END) * coalesce(g.weight, 1.0) AS priority
    FROM alerts a LEFT JOIN alert_grouping g USING (dedup_key);

-- One row per group: its members now unresolved, its highest priority and severity among them, the newest opening.
CREATE VIEW alert_groups AS
    SELECT group_key, any_value(group_kind) AS group_kind, any_value(economy) AS economy,
           any_value(group_label) AS label, any_value(group_label_zh) AS label_zh,
           count(*) FILTER (WHERE state <> 'resolved') AS open_members, count(*) AS members,
           coalesce(max(priority) FILTER (WHERE state <> 'resolved'), 0) AS priority,
           max(CASE severity WHEN 'critical' THEN 3 WHEN 'warning' THEN 2 ELSE 1 END) FILTER (WHERE state <> 'resolved') AS severity_rank,
           max(opened_at) FILTER (WHERE state <> 'resolved') AS last_opened, max(period) FILTER (WHERE state <> 'resolved') AS last_period
    FROM alert_group_members GROUP BY group_key;
