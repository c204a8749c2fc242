-- The forecast stage's output tables (module "forecast", written only by ForecastJob and the shard merger).
-- Until this script they were created by core's 001_core.sql, so every store made before it already has them with
-- exactly these columns: IF NOT EXISTS makes this a no-op there and the creation here for a new store. Version 000 so
-- that it runs before the module's other scripts in a new store.

-- Forecasts ------------------------------------------------------------------------------------------
CREATE SEQUENCE IF NOT EXISTS forecast_run_seq START 1;
CREATE TABLE IF NOT EXISTS forecast_runs (
    run_id       BIGINT PRIMARY KEY,
    started_at   TIMESTAMP NOT NULL,
    finished_at  TIMESTAMP,
    status       VARCHAR NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    series_count INTEGER NOT NULL DEFAULT 0,
    message      VARCHAR
);

-- One row per (run, series, horizon step): the point and the conformal 80 % / 95 % bounds.
CREATE TABLE IF NOT EXISTS forecasts (
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
CREATE TABLE IF NOT EXISTS forecast_accuracy (
    run_id    BIGINT  NOT NULL,
    series_id VARCHAR NOT NULL,
    model     VARCHAR NOT NULL,
    smape     DOUBLE, mase DOUBLE, cov80 DOUBLE, cov95 DOUBLE,
    origins   INTEGER,
    PRIMARY KEY (run_id, series_id)
);

-- One-step-ahead forecasts over history, which the warning stage scores anomalies against.
CREATE TABLE IF NOT EXISTS one_step_forecasts (
    series_id VARCHAR NOT NULL,
    period    DATE    NOT NULL,
    run_id    BIGINT  NOT NULL,
    model     VARCHAR NOT NULL,
    expected  DOUBLE  NOT NULL,
    lo80 DOUBLE, hi80 DOUBLE, lo95 DOUBLE, hi95 DOUBLE,
    actual    DOUBLE,
    PRIMARY KEY (series_id, period)
);
