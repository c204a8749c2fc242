-- Sharded stage runs (owner: Core/Scale ShardCoordinator). One row per run of a sharded stage and one per shard;
-- a run is merged once: the merge flips status 'running' → 'merged' in the same transaction as the stage's rows.
CREATE SEQUENCE scale_run_seq START 1;
CREATE TABLE scale_runs (
    run_id       BIGINT PRIMARY KEY,
    stage        VARCHAR NOT NULL,
    shard_count  INTEGER NOT NULL,
    code_version VARCHAR NOT NULL,
    folder       VARCHAR NOT NULL,
    status       VARCHAR NOT NULL CHECK (status IN ('running', 'merged', 'failed', 'empty')),
    started_at   TIMESTAMP NOT NULL,
    finished_at  TIMESTAMP,
    message      VARCHAR
);
CREATE TABLE scale_shards (
    run_id      BIGINT  NOT NULL,
    shard       INTEGER NOT NULL,
    status      VARCHAR NOT NULL CHECK (status IN ('queued', 'done', 'failed')),
    worker      VARCHAR,
    attempts    INTEGER NOT NULL DEFAULT 0,
    started_at  TIMESTAMP,
    finished_at TIMESTAMP,
    message     VARCHAR,
    PRIMARY KEY (run_id, shard)
);
