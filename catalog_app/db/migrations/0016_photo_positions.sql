-- Version 16: positions given to photos after their import (issue 17): interpolated from a GPS
-- track, or placed by hand by an operator. Kept apart from photos.gps_*, which hold only what
-- the camera recorded, so an assigned position is never taken for the camera's GPS. One row per
-- photo; every write is logged ('position-set') and verify compares this table with the log.
-- (IF NOT EXISTS: tests undo later schemas with SQL and migrate again.)
CREATE TABLE IF NOT EXISTS photo_positions (
    photo_id     INTEGER PRIMARY KEY REFERENCES photos (id),
    lat          REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon          REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
    source       TEXT NOT NULL CHECK (source IN ('track', 'hand')),
    detail       TEXT NOT NULL,  -- "position from track FILE (sha256), interpolated ..."
    track_sha256 TEXT,           -- the GPX file's SHA-256 (source 'track')
    set_by       TEXT NOT NULL,
    set_at       TEXT NOT NULL,
    CHECK ((source = 'track') = (track_sha256 IS NOT NULL))
);
