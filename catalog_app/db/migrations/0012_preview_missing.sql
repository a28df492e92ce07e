-- Preserve, then read (issue 13): a file with an image or camera-raw signature is kept even
-- when no pixel of it decodes. preview_missing holds why, in plain words (NULL: it has a
-- preview). Such a photo has no thumbnail (thumbnail_path NULL), no size when none could be
-- read, phash and dhash 0 and an empty phash_canonical: it never groups as a duplicate.
ALTER TABLE photos ADD COLUMN preview_missing TEXT;
