-- Lets the job skip series whose lights did not change and append only new periods (see WarnWriter.WriteLights).
ALTER TABLE warn_light_config ADD COLUMN last_period DATE;   -- the latest period lit
ALTER TABLE warn_light_config ADD COLUMN lights_hash BIGINT; -- hash of every (period, points, metric) written
