-- The audit log (module "audit", owned by Monitor.Core.Audit). Append-only: the application has no UPDATE or DELETE
-- path for it (IAuditLog only writes and reads). One row per audited act: sign-ins, failed sign-ins, user and role
-- changes, API key creation and revocation, exports, uploads, firm-level reads, CLI queries, reads of the log itself.
CREATE SEQUENCE audit_seq START 1;
CREATE TABLE audit_log (
    audit_id      BIGINT PRIMARY KEY,
    occurred_at   TIMESTAMP NOT NULL,           -- UTC, from the host's TimeProvider
    actor         VARCHAR NOT NULL,             -- user name (for an API key: its owner); '-' when nobody is known
    via           VARCHAR NOT NULL,             -- 'cookie', 'api-key:<key_id>', 'oidc', 'cli', 'system'
    address       VARCHAR,                      -- client address of an HTTP request
    action        VARCHAR NOT NULL,             -- AuditActions: 'sign-in', 'export', 'enterprise-read' …
    target        VARCHAR NOT NULL,             -- route (GET /api/v1/exports/...) or CLI verb
    parameters    VARCHAR,                      -- filter / query string / changed user, as given
    rows_returned BIGINT,                       -- rows handed out, when the act reads data
    outcome       VARCHAR NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
    detail        VARCHAR                       -- reason of a failure, or a short note
);
