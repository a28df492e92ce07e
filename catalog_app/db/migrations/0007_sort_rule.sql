-- Version 7: the grid order follows core/clock.py's one rule (clock corrections applied at
-- import too; a photo whose zone is unknown placed in the zone of its camera's other photos,
-- else of its incident's position). Every photo's sort_time is recomputed by the Python step
-- registered for this version (db/migrate.py), in this same transaction.

-- The zone-unknown photos, by camera: what an import looks up to re-sort them.
CREATE INDEX photos_zone_unknown ON photos (camera_make, camera_model, camera_serial)
    WHERE taken_at IS NOT NULL AND taken_at_utc IS NULL;

-- The corrected local wall-clock time (ISO 8601, no zone) of a photo whose camera has a clock
-- correction, else NULL: what the grid shows and the date filter compares, kept by the same
-- writers as sort_time. Derived data, like sort_time.
ALTER TABLE photos ADD COLUMN corrected_local TEXT;
