-- Watch alerts (重点企业预警): a warning that a warnings run found for the first time on a firm in a user's watch list
-- while the user's scope covered the firm. The row only names the firm and the warning; the firm's name and score are
-- read when the alert is shown or e-mailed, through FirmReader (scope checked again, every read audited).
CREATE TABLE enterprise_watch_alerts (
    user_name     VARCHAR NOT NULL,
    enterprise_id VARCHAR NOT NULL,
    period        DATE    NOT NULL,
    kind          VARCHAR NOT NULL,
    raised_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (user_name, enterprise_id, period, kind)
);
