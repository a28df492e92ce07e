-- Version 3: hashes for duplicate finding, and the decisions people make about duplicates.

ALTER TABLE photos ADD COLUMN pixel_hash TEXT;            -- same for identical pixels
ALTER TABLE photos ADD COLUMN phash_canonical BLOB;       -- 8 bytes per canonical-pose pHash
CREATE INDEX photos_pixel_hash ON photos (pixel_hash);

-- A photo marked as a duplicate of its keeper: kept, linked, hidden from the default grid.
CREATE TABLE duplicate_links (
    photo_id    INTEGER PRIMARY KEY REFERENCES photos (id),
    keeper_id   INTEGER NOT NULL REFERENCES photos (id),
    kind        TEXT NOT NULL,
    distance    INTEGER NOT NULL,
    decided_at  TEXT NOT NULL,
    operator    TEXT NOT NULL,
    CHECK (photo_id != keeper_id)
);
CREATE INDEX duplicate_links_keeper ON duplicate_links (keeper_id);

-- Pairs a person said are not duplicates: never grouped again.
CREATE TABLE not_duplicates (
    a           INTEGER NOT NULL REFERENCES photos (id),
    b           INTEGER NOT NULL REFERENCES photos (id),
    decided_at  TEXT NOT NULL,
    operator    TEXT NOT NULL,
    PRIMARY KEY (a, b),
    CHECK (a < b)
);
