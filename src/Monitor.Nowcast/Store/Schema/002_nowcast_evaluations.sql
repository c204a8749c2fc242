-- Nowcast evaluation (owner: src/Monitor.Nowcast, NowcastEvaluationShardStage; read by `monitor evaluate-nowcast`).
-- One row per nowcast of an evaluation run (run_id = its scale run): the model's own nowcast from the shard that made
-- it, and the density after the corrections from earlier quarters' errors (applied at the merge, in quarter order over
-- every shard). Warm-up quarters (scored = false) are kept: their errors set the first scored quarters' bands.
CREATE TABLE nowcast_evaluations (
    run_id        BIGINT  NOT NULL,
    quarter       DATE    NOT NULL,     -- first day of the target quarter
    month         INTEGER NOT NULL,     -- made at the end of this month of the quarter (1–3)
    scored        BOOLEAN NOT NULL,
    shard         INTEGER NOT NULL,
    actual        DOUBLE,               -- the outturn (latest vintage)
    mean          DOUBLE  NOT NULL,     -- shown: after the bias correction, when configured
    sd            DOUBLE  NOT NULL,     -- shown: from past errors, when configured
    model_mean    DOUBLE  NOT NULL,
    model_sd      DOUBLE  NOT NULL,     -- the model's smoothed variance
    product_sd    DOUBLE,               -- the nowcast job's band (--product-band-quarters); NULL when not asked
    ar1           DOUBLE  NOT NULL,
    ms            DOUBLE  NOT NULL,     -- wall time of the nowcast, EM fit included when re-estimated
    cpu_ms        DOUBLE  NOT NULL,     -- process CPU time over the same span
    reestimated   BOOLEAN NOT NULL,
    fit_seconds   DOUBLE  NOT NULL,
    em_iterations INTEGER NOT NULL,
    problem       VARCHAR,              -- why EM stopped early, when it did
    PRIMARY KEY (run_id, quarter, month)
);
