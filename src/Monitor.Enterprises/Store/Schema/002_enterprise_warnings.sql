-- Firm-level warnings of the current vintage (rebuilt by each warnings run) and the per-user scopes and watch lists.

-- One row per (firm, month, kind): fall (own seasonal history and industry peers), silent (k months without a
-- report), divergence (electricity against output), exit (stopped and never came back).
CREATE TABLE enterprise_warnings (
    enterprise_id VARCHAR NOT NULL,
    period        DATE    NOT NULL,
    kind          VARCHAR NOT NULL CHECK (kind IN ('fall', 'silent', 'divergence', 'exit')),
    score         DOUBLE,             -- the measured ratio or the number of silent months
    region_code   VARCHAR NOT NULL,
    industry_code VARCHAR NOT NULL,
    computed_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (enterprise_id, period, kind)
);

-- The `enterprise` permission: a user may read firm-level rows of the regions listed here (2-digit province or
-- 4-digit city prefixes of the GB/T 2260 code); a user with no row has no firm-level access at all.
CREATE TABLE enterprise_scopes (
    user_name     VARCHAR NOT NULL,
    region_prefix VARCHAR NOT NULL CHECK (length(region_prefix) IN (2, 4)),
    granted_by    VARCHAR NOT NULL,
    granted_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (user_name, region_prefix)
);

-- Watch lists (重点企业名单): the firms a user follows; warnings on them become alerts for that user.
CREATE TABLE enterprise_watch (
    user_name     VARCHAR NOT NULL,
    enterprise_id VARCHAR NOT NULL,
    added_at      TIMESTAMP NOT NULL,
    PRIMARY KEY (user_name, enterprise_id)
);
