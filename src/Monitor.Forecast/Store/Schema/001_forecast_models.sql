-- Model registry of the forecast stage: one row per (run, frequency) with the ensemble chosen, the rolling-origin
-- backtest figures, the training window and the saved ML.NET global model (zip bytes) when the ensemble uses it.
CREATE SEQUENCE forecast_model_seq START 1;
CREATE TABLE forecast_models (
    model_id        BIGINT PRIMARY KEY,
    run_id          BIGINT    NOT NULL,
    frequency       VARCHAR   NOT NULL,
    model           VARCHAR   NOT NULL,     -- e.g. ensemble(theta+ets+lgbm)
    model_version   VARCHAR   NOT NULL,
    trained_at      TIMESTAMP NOT NULL,
    train_start     DATE,                   -- earliest period any training series starts
    train_end       DATE,                   -- latest period used for training
    series_count    INTEGER   NOT NULL,
    training_rows   INTEGER,                -- rows the global model was fit on
    backtest_smape  DOUBLE,
    backtest_mase   DOUBLE,
    backtest_cov80  DOUBLE,
    backtest_cov95  DOUBLE,
    model_zip       BLOB                    -- ML.NET model (Microsoft.ML ModelOperationsCatalog.Save), NULL if no global member
);
