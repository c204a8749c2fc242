-- Ten-day (T, 旬) and half-year (S) series join D, W, M, Q and A. DuckDB cannot alter a CHECK constraint, so the
-- catalogue is copied into a table with the wider one and takes its name; no row or column changes.
CREATE TABLE series_widened (
    series_id        VARCHAR PRIMARY KEY,
    dataset          VARCHAR NOT NULL,
    code             VARCHAR NOT NULL,
    name             VARCHAR NOT NULL,
    name_zh          VARCHAR,
    domain           VARCHAR NOT NULL CHECK (domain IN ('macro', 'regional', 'industry')),
    region_code      VARCHAR,
    industry_code    VARCHAR,
    frequency        VARCHAR NOT NULL CHECK (frequency IN ('D', 'W', 'T', 'M', 'Q', 'S', 'A')),
    unit             VARCHAR,
    transform        VARCHAR,
    source           VARCHAR,
    country          VARCHAR,
    counter_cyclical BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at       TIMESTAMP NOT NULL DEFAULT current_timestamp
);
INSERT INTO series_widened SELECT series_id, dataset, code, name, name_zh, domain, region_code, industry_code, frequency, unit,
    transform, source, country, counter_cyclical, updated_at FROM series;
DROP TABLE series;
ALTER TABLE series_widened RENAME TO series;

-- Release defaults for the new frequencies (the calendar needs one per frequency, see 003_release_calendar.sql).
INSERT INTO release_rules (dataset, code_pattern, frequency, lag_months, release_day, lag_days, note) VALUES
    ('*', '*', 'T', 0, NULL, 3,    'ten-day (旬): three days after the ten days (NBS prices of means of production)'),
    ('*', '*', 'S', 0, NULL, 60,   'half-year: 60 days after the half');
