-- Warn module: indicator sets (景气指标组) saved on the admin page, one row per version; the configured sets
-- (Warn:IndicatorSets, else the defaults) apply until a higher version is saved here. Nothing is deleted.
CREATE TABLE indicator_sets (
    set_code VARCHAR NOT NULL,
    version  INTEGER NOT NULL,
    economy  VARCHAR NOT NULL,
    name     VARCHAR NOT NULL,
    name_zh  VARCHAR,
    saved_by VARCHAR NOT NULL,
    saved_at TIMESTAMP NOT NULL,
    PRIMARY KEY (set_code, version)
);
CREATE TABLE indicator_set_members (
    set_code  VARCHAR NOT NULL,
    version   INTEGER NOT NULL,
    position  INTEGER NOT NULL,
    series_id VARCHAR NOT NULL,
    theme     VARCHAR NOT NULL,
    weight    DOUBLE  NOT NULL,
    counter_cyclical BOOLEAN NOT NULL,
    family    VARCHAR,
    PRIMARY KEY (set_code, version, position)
);
