-- Enterprise panel (规模以上企业月报): owned by the Enterprises module. Confidential: firm-level rows are read only
-- through EnterpriseReader (scope-checked, audited); everything else reads disclosure-controlled aggregates.

-- One row per (firm, indicator, month) and vintage, as for series: a revision closes the current row (known_to) and
-- opens a new one; nothing is deleted. The firm's name, division, industry and size class are kept on each row, so a
-- move or a reclassification is dated by the month it first appears in. Columns other than the vintage ones may be
-- NULL only inside a load that validation then rejects (the load is rolled back).
CREATE TABLE enterprise_observations (
    enterprise_id   VARCHAR,            -- 18-character unified social credit code (GB 32100-2015)
    enterprise_name VARCHAR,
    region_code     VARCHAR,            -- 6-digit GB/T 2260 division code
    industry_code   VARCHAR,            -- 4-digit GB/T 4754-2017 class
    size_class      VARCHAR,            -- large / medium / small / micro
    indicator       VARCHAR,            -- output, revenue, electricity, employment, ...
    period          DATE,               -- first day of the month
    value           DOUBLE,
    unit            VARCHAR,
    known_from      TIMESTAMP NOT NULL,
    known_to        TIMESTAMP,
    run_id          BIGINT    NOT NULL  -- ingest_runs.run_id of the load that wrote the row
);

-- The current vintage: what aggregates, warnings and entitled users read.
CREATE VIEW enterprise_current AS
    SELECT enterprise_id, enterprise_name, region_code, industry_code, size_class, indicator, period, value, unit, known_from, run_id
    FROM enterprise_observations WHERE known_to IS NULL;
