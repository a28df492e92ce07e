-- Preserve, then read (issue 13): a file with an image or camera-raw signature is kept even
-- when no pixel of it decodes. preview_missing holds why, in plain words (NULL: it has a
-- preview). Such a photo has no thumbnail (thumbnail_path NULL), no size when none could be
-- read, phash and dhash 0 and an empty phash_canonical: it never groups as a duplicate.
ALTER TABLE photos ADD COLUMN preview_missing TEXT;

-- A camera raw and the JPEG the camera wrote beside it (same camera, capture time and base
-- name) are one shot: linked here (logged as 'same-shot'), never grouped as duplicates.
CREATE TABLE IF NOT EXISTS shot_links (
    photo_id   INTEGER PRIMARY KEY REFERENCES photos (id),  -- the raw
    partner_id INTEGER NOT NULL UNIQUE REFERENCES photos (id),  -- the JPEG or HEIF
    linked_at  TEXT NOT NULL,
    CHECK (photo_id != partner_id)
);
