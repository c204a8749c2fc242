-- One view for "the latest vintage": the ingest stage's current_observations (docs/store.md). Stores made before this
-- release also have core's unused duplicate observations_current; it goes (001 no longer creates it).
DROP VIEW IF EXISTS observations_current;
