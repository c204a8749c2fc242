-- Read-only views that scripts, notebooks and `monitor query` may rely on (documented in docs/store.md).

-- The latest vintage of every observation, with its catalogue keys.
CREATE VIEW current_observations AS
    SELECT s.dataset, s.code AS series_code, s.region_code, s.industry_code, s.frequency, o.period, o.value,
           s.series_id, o.known_from, o.run_id
    FROM observations o JOIN series s USING (series_id)
    WHERE o.known_to IS NULL;

-- The series catalogue; name holds the series_name of the long layout verbatim.
CREATE VIEW series_catalog AS
    SELECT dataset, code AS series_code, name, name_zh, domain, region_code, industry_code, frequency, unit,
           series_id, transform, country, source, updated_at
    FROM series;

-- What was known at a point in time: SELECT * FROM observations_as_of(TIMESTAMP '2024-03-15').
CREATE MACRO observations_as_of(as_of_time) AS TABLE
    SELECT s.dataset, s.code AS series_code, s.region_code, s.industry_code, s.frequency, o.period, o.value,
           s.series_id, o.known_from, o.known_to, o.run_id
    FROM observations o JOIN series s USING (series_id)
    WHERE o.known_from <= as_of_time AND (o.known_to IS NULL OR o.known_to > as_of_time);

-- Conditional-GET validators of HTTP sources, so an unchanged remote file is not downloaded again.
CREATE TABLE ingest_http_cache (
    source        VARCHAR PRIMARY KEY,
    url           VARCHAR NOT NULL,
    etag          VARCHAR,
    last_modified VARCHAR,
    fetched_at    TIMESTAMP NOT NULL
);
