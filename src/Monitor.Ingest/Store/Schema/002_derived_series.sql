-- Lineage of derived series: which series and method produced it, from which vintage of the parent.
CREATE TABLE derived_series (
    series_id        VARCHAR PRIMARY KEY,
    parent_series_id VARCHAR NOT NULL,
    method           VARCHAR NOT NULL,   -- yoy, mom, logdiff, tcode1..tcode7, ytd-single
    parent_vintage   TIMESTAMP,          -- latest known_from/known_to of the parent when computed
    computed_at      TIMESTAMP NOT NULL
);
