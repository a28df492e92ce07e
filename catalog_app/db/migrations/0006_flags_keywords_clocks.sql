-- Version 6: flags and keywords on photos, and camera clock corrections.

ALTER TABLE photos ADD COLUMN graphic INTEGER NOT NULL DEFAULT 0;         -- blur when published
ALTER TABLE photos ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0;      -- never leaves
ALTER TABLE photos ADD COLUMN caption_review INTEGER NOT NULL DEFAULT 0;  -- caption to check

CREATE TABLE photo_keywords (
    photo_id    INTEGER NOT NULL REFERENCES photos (id),
    keyword     TEXT NOT NULL,
    PRIMARY KEY (photo_id, keyword)
) WITHOUT ROWID;
CREATE INDEX photo_keywords_keyword ON photo_keywords (keyword);

-- One offset per camera (make, model, serial as EXIF names them; '' for a missing value).
-- The recorded capture time is never changed: the offset is added when the time is used.
CREATE TABLE camera_clocks (
    make        TEXT NOT NULL,
    model       TEXT NOT NULL,
    serial      TEXT NOT NULL,
    offset_s    INTEGER NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    set_at      TEXT NOT NULL,
    operator    TEXT NOT NULL,
    PRIMARY KEY (make, model, serial)
);
