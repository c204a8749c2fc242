-- E-mail digests: subscriptions, their digest cursor, the outbox, and the unsubscribe signing key.

-- Who gets which alerts, in which language, how often and at which local time.
CREATE SEQUENCE email_subscription_seq START 1;
CREATE TABLE email_subscriptions (
    subscription_id   BIGINT PRIMARY KEY,
    address           VARCHAR NOT NULL,
    language          VARCHAR NOT NULL CHECK (language IN ('zh', 'en')),
    domain            VARCHAR CHECK (domain IS NULL OR domain IN ('macro', 'regional', 'industry')),
    region_code       VARCHAR,
    industry_code     VARCHAR,
    series_id         VARCHAR,           -- the "indicator" filter
    min_severity      VARCHAR NOT NULL DEFAULT 'info' CHECK (min_severity IN ('info', 'warning', 'critical')),
    cadence           VARCHAR NOT NULL CHECK (cadence IN ('immediate', 'daily', 'weekly')),
    immediate_minutes INTEGER NOT NULL DEFAULT 15 CHECK (immediate_minutes BETWEEN 1 AND 1440),
    local_time        VARCHAR NOT NULL DEFAULT '08:00',  -- HH:mm in time_zone (daily, weekly)
    weekday           INTEGER NOT NULL DEFAULT 1 CHECK (weekday BETWEEN 0 AND 6), -- 0 = Sunday (weekly)
    time_zone         VARCHAR NOT NULL DEFAULT 'Asia/Shanghai',  -- IANA id
    created_by        VARCHAR,
    created_at        TIMESTAMP NOT NULL,
    active            BOOLEAN NOT NULL DEFAULT TRUE,
    unsubscribed_at   TIMESTAMP,
    -- Digest bookkeeping: the next digest covers matching alert_events with event_id > cursor_event_id.
    -- Advanced (compare-and-set) in the same transaction that claims the outbox row.
    cursor_event_id   BIGINT NOT NULL DEFAULT 0,
    -- End (UTC) of the last digest period dealt with, sent or empty: a period is due once, after it ends.
    last_period_end   TIMESTAMP
);

-- One row per (subscription, digest period), claimed by inserting it: the UNIQUE idempotency key makes a second
-- claim of the same digest fail. The rendered message is frozen here, so every attempt sends the same bytes.
CREATE TABLE email_outbox (
    idempotency_key VARCHAR PRIMARY KEY,            -- 'digest:<subscription_id>:<period end, UTC>'
    subscription_id BIGINT NOT NULL,
    period_start    TIMESTAMP NOT NULL,             -- UTC
    period_end      TIMESTAMP NOT NULL,             -- UTC
    from_event_id   BIGINT NOT NULL,                -- exclusive
    to_event_id     BIGINT NOT NULL,                -- inclusive
    event_count     INTEGER NOT NULL,
    recipient       VARCHAR NOT NULL,
    subject         VARCHAR NOT NULL,
    message_id      VARCHAR NOT NULL,
    mime            BLOB NOT NULL,
    status          VARCHAR NOT NULL CHECK (status IN ('pending', 'sending', 'retry', 'sent', 'written', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    lease_until     TIMESTAMP,                      -- a 'sending' row whose lease ran out was abandoned by a crash
    last_error      VARCHAR,
    delivered_to    VARCHAR,                        -- SMTP reply or .eml path
    created_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP
);

-- Generated secrets kept in the store rather than in the repository (the unsubscribe signing key).
CREATE TABLE email_settings (
    name  VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
