-- Warn module: the light configuration behind each config_version of signal_lights (versioned, overridable per indicator).
CREATE TABLE warn_light_config (
    config_version INTEGER NOT NULL,
    series_id      VARCHAR NOT NULL,
    method         VARCHAR NOT NULL,   -- 'expanding percentiles 10/25/75/90 (min 36)' or 'fixed'
    metric         VARCHAR NOT NULL,   -- YoyGrowth, YoyDifference, Level
    weight         DOUBLE  NOT NULL,
    counter_cyclical BOOLEAN NOT NULL,
    c1 DOUBLE, c2 DOUBLE, c3 DOUBLE, c4 DOUBLE, -- the check points in force at the latest period
    recorded_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (config_version, series_id)
);
