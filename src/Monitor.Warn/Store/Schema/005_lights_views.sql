-- Read views of the warn stage's signal lights (documented in docs/store.md): the one place that says "the newest
-- light configuration wins", instead of a copy of that clause in every page, API endpoint and e-mail.

-- Every (series, period) lit, under the newest configuration that lit it.
CREATE OR REPLACE VIEW signal_lights_current AS
    SELECT series_id, period, config_version, metric, points, colour, computed_at
    FROM signal_lights
    QUALIFY row_number() OVER (PARTITION BY series_id, period ORDER BY config_version DESC) = 1;

-- The latest lit period of every series (one row per series).
CREATE OR REPLACE VIEW signal_lights_latest AS
    SELECT * FROM signal_lights_current
    QUALIFY row_number() OVER (PARTITION BY series_id ORDER BY period DESC) = 1;
