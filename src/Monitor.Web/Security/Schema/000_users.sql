-- Dashboard and API accounts (module "security", written only by UserStore). Until this script the table was
-- created by core's 001_core.sql, so every store made before it already has it with exactly these columns: IF NOT
-- EXISTS makes this a no-op there and the creation here for a new store. Version 000: before 001_security.sql.

-- Users of the dashboard and API (roles: planner = read, analyst = read/export/acknowledge, admin = everything).
CREATE TABLE IF NOT EXISTS users (
    user_name     VARCHAR PRIMARY KEY,
    password_hash VARCHAR NOT NULL,        -- ASP.NET Core Identity PasswordHasher v3 format (PBKDF2)
    role          VARCHAR NOT NULL CHECK (role IN ('planner', 'analyst', 'admin')),
    display_name  VARCHAR,
    language      VARCHAR NOT NULL DEFAULT 'zh',
    created_at    TIMESTAMP NOT NULL DEFAULT current_timestamp,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE
);
