-- Whether a stored accuracy row was scored on origins held back from choosing the ensemble and calibrating its
-- intervals ('out-of-sample') or on those same origins ('in-sample'). Rows stored before this change were in-sample.
ALTER TABLE forecast_accuracy ADD COLUMN IF NOT EXISTS sample VARCHAR DEFAULT 'in-sample';
