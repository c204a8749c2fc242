-- Metadata a source attaches to a series (SDMX attributes such as UNIT_MEASURE, UNIT_MULT, DECIMALS, TITLE,
-- OBS_STATUS): written by ingest with the series' catalogue row; the latest load's set replaces the earlier one.
CREATE TABLE series_attributes (
    series_id VARCHAR NOT NULL,
    name      VARCHAR NOT NULL,
    value     VARCHAR NOT NULL,
    run_id    BIGINT  NOT NULL,
    PRIMARY KEY (series_id, name)
);
