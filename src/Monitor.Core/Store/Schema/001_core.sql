-- Shared store contract between the stages: the catalogue and vintages every stage reads, and the job-run log.
-- Each stage's own output tables are created by that stage's schema scripts (docs/store.md "Tables and their owners").
-- Releases before the forecast/warn/security 000 scripts created those tables here; this script was trimmed when they
-- moved, which is safe because each 000 script creates exactly what was removed, with IF NOT EXISTS for old stores.

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
