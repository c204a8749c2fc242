-- Nowcast stage (owner: src/Monitor.Nowcast). One row per nowcast made: its target, the quarter, the information date
-- (the latest vintage among its inputs), the density (mean, sd, 80% band), the outturn once published, and any reason
-- it could not be made (status 'failed', note). News rows split the change from the previous nowcast of the same
-- target and quarter into each new release's impact; input rows record each indicator's latest value and release date.
CREATE SEQUENCE nowcast_seq START 1;
CREATE TABLE nowcasts (
    nowcast_id      BIGINT PRIMARY KEY,
    target          VARCHAR   NOT NULL,     -- configured target code (us_gdp, cn_gdp, sample_gdp)
    target_series   VARCHAR   NOT NULL,     -- series_id of the quarterly target in the store
    quarter         DATE,                   -- first day of the quarter nowcast
    info_date       TIMESTAMP NOT NULL,     -- latest vintage (known_from) among the inputs used
    as_of_month     DATE,                   -- latest month with indicator data in the information set
    made_at         TIMESTAMP NOT NULL,
    kind            VARCHAR   NOT NULL,     -- 'update' (a job run) | 'replay' (path rebuilt from publication lags on a first run)
    status          VARCHAR   NOT NULL,     -- 'ok' | 'failed'
    mean            DOUBLE,
    sd              DOUBLE,
    low80           DOUBLE,
    high80          DOUBLE,
    previous_mean   DOUBLE,                 -- the previous nowcast of the same target and quarter
    revision_effect DOUBLE,                 -- the part of the change due to revised (not new) values
    outturn         DOUBLE,                 -- the published value of the quarter, when known at info_date
    em_iterations   INTEGER,
    note            VARCHAR                 -- reasons, dropped indicators, EM problems
);
CREATE TABLE nowcast_news (
    nowcast_id BIGINT  NOT NULL,
    series_id  VARCHAR NOT NULL,
    block      VARCHAR NOT NULL,
    period     DATE    NOT NULL,
    actual     DOUBLE  NOT NULL,            -- released value (model units: transformed)
    expected   DOUBLE  NOT NULL,            -- its expectation on the previous information set
    weight     DOUBLE  NOT NULL,            -- nowcast change per unit of surprise
    impact     DOUBLE  NOT NULL             -- (actual − expected) × weight
);
CREATE TABLE nowcast_inputs (
    nowcast_id   BIGINT  NOT NULL,
    series_id    VARCHAR NOT NULL,
    block        VARCHAR NOT NULL,
    last_period  DATE,
    last_value   DOUBLE,
    released_at  TIMESTAMP,
    status       VARCHAR NOT NULL,          -- 'used' | 'dropped'
    note         VARCHAR
);
