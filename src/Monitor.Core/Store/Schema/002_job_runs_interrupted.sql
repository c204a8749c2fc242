-- A run whose process ended before it finished (a crash, kill -9) is marked 'interrupted' at the next start.
-- DuckDB cannot alter a CHECK constraint, so the table is rebuilt with the wider one; ids and rows are kept.
CREATE TABLE job_runs_v2 (
    job_run_id  BIGINT PRIMARY KEY,
    job_key     VARCHAR NOT NULL,
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    status      VARCHAR NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted')),
    message     VARCHAR
);
INSERT INTO job_runs_v2 SELECT job_run_id, job_key, started_at, finished_at, status, message FROM job_runs;
DROP TABLE job_runs;
ALTER TABLE job_runs_v2 RENAME TO job_runs;
