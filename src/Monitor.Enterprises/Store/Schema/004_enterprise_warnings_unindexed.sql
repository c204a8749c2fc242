-- enterprise_warnings without its primary-key index. Each warnings run replaces the whole table, and keeping the ART
-- index on (enterprise_id, period, kind) cost more than computing the warnings: at 1.7 M warnings, 45 s of CPU to
-- delete the previous run's rows and insert the new ones, against 1.2 s without it (docs/benchmarks.md, session 7).
-- The key still holds: the run builds at most one row per (firm, month, kind) and checks that set-wise before it
-- replaces the table (FirmWarningsShardStage.Merge), so a broken run is refused instead of stored.
CREATE TABLE enterprise_warnings_v4 (
    enterprise_id VARCHAR NOT NULL,
    period        DATE    NOT NULL,
    kind          VARCHAR NOT NULL CHECK (kind IN ('fall', 'silent', 'divergence', 'exit')),
    score         DOUBLE,             -- the measured ratio or the number of silent months
    region_code   VARCHAR NOT NULL,
    industry_code VARCHAR NOT NULL,
    computed_at   TIMESTAMP NOT NULL
);
INSERT INTO enterprise_warnings_v4 SELECT enterprise_id, period, kind, score, region_code, industry_code, computed_at FROM enterprise_warnings;
DROP TABLE enterprise_warnings;
ALTER TABLE enterprise_warnings_v4 RENAME TO enterprise_warnings;
