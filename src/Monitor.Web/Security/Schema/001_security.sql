-- Session and sign-in state of dashboard users (module "security", owned by Monitor.Web.Security).
-- stamp: changes whenever access changes (disable, role, password, sign-out); a cookie carrying another stamp is refused.
-- failed_count / locked_until: per-account lockout with back-off (see docs/security.md).
CREATE TABLE user_security (
    user_name    VARCHAR PRIMARY KEY,          -- users.user_name
    stamp        VARCHAR NOT NULL,
    stamped_at   TIMESTAMP NOT NULL,
    failed_count INTEGER NOT NULL DEFAULT 0,
    locked_until TIMESTAMP
);
