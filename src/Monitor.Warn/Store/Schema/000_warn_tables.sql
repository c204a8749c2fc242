-- The warn stage's output tables (module "warn": WarnWriter for anomalies, lights, composites and turning points;
-- AlertStore for alerts and their events). Until this script they were created by core's 001_core.sql, so every store
-- made before it already has them with exactly these columns: IF NOT EXISTS makes this a no-op there and the creation
-- here for a new store. Version 000 so that it runs before the module's later scripts (views on alerts and lights).

-- Warnings -------------------------------------------------------------------------------------------
CREATE SEQUENCE IF NOT EXISTS warn_run_seq START 1;
CREATE TABLE IF NOT EXISTS anomalies (
    series_id      VARCHAR NOT NULL,
    period         DATE    NOT NULL,
    kind           VARCHAR NOT NULL CHECK (kind IN ('interval', 'level_shift', 'cross_section')),
    score          DOUBLE  NOT NULL,
    actual         DOUBLE,
    expected       DOUBLE,
    lo             DOUBLE,
    hi             DOUBLE,
    explanation    VARCHAR NOT NULL,
    explanation_zh VARCHAR,
    run_id         BIGINT  NOT NULL,
    detected_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (series_id, period, kind)
);

-- Signal lights: points 1..5 = blue 过冷, lightblue 趋冷, green 正常, yellow 趋热, red 过热.
CREATE TABLE IF NOT EXISTS signal_lights (
    series_id      VARCHAR NOT NULL,
    period         DATE    NOT NULL,
    config_version INTEGER NOT NULL,
    metric         DOUBLE  NOT NULL,   -- the value compared with the check points (e.g. YoY growth)
    points         INTEGER NOT NULL CHECK (points BETWEEN 1 AND 5),
    colour         VARCHAR NOT NULL CHECK (colour IN ('blue', 'lightblue', 'green', 'yellow', 'red')),
    computed_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (series_id, period, config_version)
);

-- Composite readings: the 预警指数 ('warning_index'), coincident / leading composites and their cycles.
CREATE TABLE IF NOT EXISTS composite_readings (
    index_code  VARCHAR NOT NULL,
    period      DATE    NOT NULL,
    value       DOUBLE  NOT NULL,
    colour      VARCHAR,
    computed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (index_code, period)
);

CREATE TABLE IF NOT EXISTS composite_contributions (
    index_code   VARCHAR NOT NULL,
    period       DATE    NOT NULL,
    series_id    VARCHAR NOT NULL,
    contribution DOUBLE  NOT NULL,
    PRIMARY KEY (index_code, period, series_id)
);

CREATE TABLE IF NOT EXISTS turning_points (
    index_code VARCHAR NOT NULL,
    period     DATE    NOT NULL,
    kind       VARCHAR NOT NULL CHECK (kind IN ('peak', 'trough')),
    PRIMARY KEY (index_code, period)
);

-- Alerts ---------------------------------------------------------------------------------------------
CREATE SEQUENCE IF NOT EXISTS alert_seq START 1;
CREATE TABLE IF NOT EXISTS alerts (
    alert_id        BIGINT PRIMARY KEY,
    dedup_key       VARCHAR NOT NULL UNIQUE,  -- rule + series (+ index): one live alert per condition
    rule            VARCHAR NOT NULL,         -- e.g. 'light_red', 'anomaly', 'turning_point', 'no_data'
    series_id       VARCHAR,
    period          DATE,
    severity        VARCHAR NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    colour          VARCHAR,
    state           VARCHAR NOT NULL CHECK (state IN ('open', 'acknowledged', 'muted', 'resolved')),
    title           VARCHAR NOT NULL,
    title_zh        VARCHAR,
    message         VARCHAR,
    message_zh      VARCHAR,
    opened_at       TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    resolved_at     TIMESTAMP,
    acknowledged_by VARCHAR,
    muted_until     TIMESTAMP
);

-- Every change of an alert; e-mail digests read the events since their last successful digest.
CREATE SEQUENCE IF NOT EXISTS alert_event_seq START 1;
CREATE TABLE IF NOT EXISTS alert_events (
    event_id  BIGINT PRIMARY KEY,
    alert_id  BIGINT NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    event     VARCHAR NOT NULL CHECK (event IN ('opened', 'escalated', 'acknowledged', 'muted', 'resolved', 'reopened')),
    severity  VARCHAR NOT NULL,
    actor     VARCHAR
);
