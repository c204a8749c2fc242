-- Rows a source with OnBadRows = "quarantine" did not load: visible, with their reason, next to the run that loaded the rest.
CREATE TABLE ingest_quarantine (
    run_id BIGINT  NOT NULL,
    source VARCHAR NOT NULL,
    file   VARCHAR NOT NULL,
    line   BIGINT  NOT NULL,
    field  VARCHAR NOT NULL,
    reason VARCHAR NOT NULL
);
