-- API keys of dashboard users (module "api"). Only the SHA-256 of a key is kept; the key itself is shown once.
CREATE SEQUENCE api_key_seq START 1;
CREATE TABLE api_keys (
    key_id     BIGINT PRIMARY KEY,
    user_name  VARCHAR NOT NULL,          -- users.user_name
    label      VARCHAR NOT NULL,
    prefix     VARCHAR NOT NULL,          -- first characters of the key, to recognise it in a list
    key_hash   VARCHAR NOT NULL UNIQUE,   -- lower-case hex SHA-256 of the whole key
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
