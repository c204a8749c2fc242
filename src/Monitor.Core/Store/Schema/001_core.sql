-- Shared store contract between the stages. Each stage reads its inputs here and writes its results here,
-- so that stages can run as separate Hangfire jobs (and later on separate servers).

-- Series catalogue ------------------------------------------------------------------------------
CREATE TABLE series (
    series_id        VARCHAR PRIMARY KEY,           -- SeriesKey.Compose(dataset, code, region, industry)
    dataset          VARCHAR NOT NULL,
    code             VARCHAR NOT NULL,
    name             VARCHAR NOT NULL,
    name_zh          VARCHAR,
    domain           VARCHAR NOT NULL CHECK (domain IN ('macro', 'regional', 'industry')),
    region_code      VARCHAR,
    industry_code    VARCHAR,
    frequency        VARCHAR NOT NULL CHECK (frequency IN ('D', 'W', 'M', 'Q', 'A')),
    unit             VARCHAR,
    transform        VARCHAR,                        -- e.g. FRED tcode, 'ytd' for 累计 series
    source           VARCHAR,                        -- ingest source name that last wrote the series
    country          VARCHAR,
    counter_cyclical BOOLEAN NOT NULL DEFAULT FALSE, -- signal lights are flipped for these
    updated_at       TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Observations with vintages (ALFRED style) ---------------------------------------------------------
-- A row is what was known about (series, period) from known_from until known_to (NULL = still current).
-- A revision closes the old row and opens a new one; nothing is ever deleted.
CREATE SEQUENCE ingest_run_seq START 1;
CREATE TABLE observations (
    series_id  VARCHAR   NOT NULL,
    period     DATE      NOT NULL,
    value      DOUBLE    NOT NULL,
    known_from TIMESTAMP NOT NULL,
    known_to   TIMESTAMP,
    run_id     BIGINT    NOT NULL
);

-- Record of every ingest run.
CREATE TABLE ingest_runs (
    run_id         BIGINT PRIMARY KEY,
    source         VARCHAR NOT NULL,
    location       VARCHAR,            -- file path or URL
    file_hash      VARCHAR,            -- sha256 of the bytes read
    started_at     TIMESTAMP NOT NULL,
    finished_at    TIMESTAMP,
    rows_read      BIGINT NOT NULL DEFAULT 0,
    rows_new       BIGINT NOT NULL DEFAULT 0,
    rows_revised   BIGINT NOT NULL DEFAULT 0,
    rows_unchanged BIGINT NOT NULL DEFAULT 0,
    rows_rejected  BIGINT NOT NULL DEFAULT 0,
    status         VARCHAR NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'skipped')),
    error_report   VARCHAR              -- one line per problem: file:line: field: reason
);

-- Forecasts ------------------------------------------------------------------------------------------
CREATE SEQUENCE forecast_run_seq START 1;
CREATE TABLE forecast_runs (
    run_id       BIGINT PRIMARY KEY,
    started_at   TIMESTAMP NOT NULL,
    finished_at  TIMESTAMP,
    status       VARCHAR NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    series_count INTEGER NOT NULL DEFAULT 0,
    message      VARCHAR
);

-- One row per (run, series, horizon step): the point and the conformal 80 % / 95 % bounds.
CREATE TABLE forecasts (
    run_id          BIGINT  NOT NULL,
    series_id       VARCHAR NOT NULL,
    model           VARCHAR NOT NULL,
    model_version   VARCHAR NOT NULL,
    train_end       DATE    NOT NULL,    -- last period used for training
    vintage         TIMESTAMP NOT NULL,  -- latest known_from of the data used
    step            INTEGER NOT NULL,
    period          DATE    NOT NULL,
    point           DOUBLE  NOT NULL,
    lo80            DOUBLE, hi80 DOUBLE, lo95 DOUBLE, hi95 DOUBLE,
    fallback_reason VARCHAR,             -- why a simpler model was used, if it was
    PRIMARY KEY (run_id, series_id, step)
);

-- Backtest accuracy of the chosen model on each series (rolling origin on the training data).
CREATE TABLE forecast_accuracy (
    run_id    BIGINT  NOT NULL,
    series_id VARCHAR NOT NULL,
    model     VARCHAR NOT NULL,
    smape     DOUBLE, mase DOUBLE, cov80 DOUBLE, cov95 DOUBLE,
    origins   INTEGER,
    PRIMARY KEY (run_id, series_id)
);

-- One-step-ahead forecasts over history, which the warning stage scores anomalies against.
CREATE TABLE one_step_forecasts (
    series_id VARCHAR NOT NULL,
    period    DATE    NOT NULL,
    run_id    BIGINT  NOT NULL,
    model     VARCHAR NOT NULL,
    expected  DOUBLE  NOT NULL,
    lo80 DOUBLE, hi80 DOUBLE, lo95 DOUBLE, hi95 DOUBLE,
    actual    DOUBLE,
    PRIMARY KEY (series_id, period)
);

-- Warnings -------------------------------------------------------------------------------------------
CREATE SEQUENCE warn_run_seq START 1;
CREATE TABLE anomalies (
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
CREATE TABLE signal_lights (
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
CREATE TABLE composite_readings (
    index_code  VARCHAR NOT NULL,
    period      DATE    NOT NULL,
    value       DOUBLE  NOT NULL,
    colour      VARCHAR,
    computed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (index_code, period)
);

CREATE TABLE composite_contributions (
    index_code   VARCHAR NOT NULL,
    period       DATE    NOT NULL,
    series_id    VARCHAR NOT NULL,
    contribution DOUBLE  NOT NULL,
    PRIMARY KEY (index_code, period, series_id)
);

CREATE TABLE turning_points (
    index_code VARCHAR NOT NULL,
    period     DATE    NOT NULL,
    kind       VARCHAR NOT NULL CHECK (kind IN ('peak', 'trough')),
    PRIMARY KEY (index_code, period)
);

-- Alerts ---------------------------------------------------------------------------------------------
CREATE SEQUENCE alert_seq START 1;
CREATE TABLE alerts (
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
CREATE SEQUENCE alert_event_seq START 1;
CREATE TABLE alert_events (
    event_id  BIGINT PRIMARY KEY,
    alert_id  BIGINT NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    event     VARCHAR NOT NULL CHECK (event IN ('opened', 'escalated', 'acknowledged', 'muted', 'resolved', 'reopened')),
    severity  VARCHAR NOT NULL,
    actor     VARCHAR
);

-- Jobs -----------------------------------------------------------------------------------------------
CREATE SEQUENCE job_run_seq START 1;
CREATE TABLE job_runs (
    job_run_id  BIGINT PRIMARY KEY,
    job_key     VARCHAR NOT NULL,
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    status      VARCHAR NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    message     VARCHAR
);

-- Users of the dashboard and API (roles: planner = read, analyst = read/export/acknowledge, admin = everything).
CREATE TABLE users (
    user_name     VARCHAR PRIMARY KEY,
    password_hash VARCHAR NOT NULL,        -- ASP.NET Core Identity PasswordHasher v3 format (PBKDF2)
    role          VARCHAR NOT NULL CHECK (role IN ('planner', 'analyst', 'admin')),
    display_name  VARCHAR,
    language      VARCHAR NOT NULL DEFAULT 'zh',
    created_at    TIMESTAMP NOT NULL DEFAULT current_timestamp,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE
);
