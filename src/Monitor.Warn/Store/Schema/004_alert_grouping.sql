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

-- One row per group: Monitor.Warn.Alerts.AlertGroupSql.Groups, a query over this view rather than a second view, because
-- DuckDB's EXPORT DATABASE does not write views in dependency order and a backup of a view on a view would not restore.
