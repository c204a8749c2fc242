-- Anomalies gain the kind 'seasonal' (a spike against the seasonal baseline, Anomalies/SeasonalSpikeDetector).
-- DuckDB cannot alter a CHECK constraint, so the table is rebuilt with the wider check and its rows copied over
-- (no view depends on it).
CREATE TABLE anomalies_v6 (
    series_id      VARCHAR NOT NULL,
    period         DATE    NOT NULL,
    kind           VARCHAR NOT NULL CHECK (kind IN ('interval', 'level_shift', 'cross_section', 'seasonal')),
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
INSERT INTO anomalies_v6 SELECT * FROM anomalies;
DROP TABLE anomalies;
ALTER TABLE anomalies_v6 RENAME TO anomalies;
