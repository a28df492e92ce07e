-- Version 13: redaction regions (issue 14). A box in the upright photo's normalised coordinates
-- (0..1), hidden by blur, pixelation or a solid fill in every published derivative; the
-- original is never touched. A face detector writes regions as 'proposed' for a person to
-- confirm or dismiss. Every row is written with its custody entry (db/redactions.py).
CREATE TABLE IF NOT EXISTS redactions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: the log names regions by id
    photo_id   INTEGER NOT NULL REFERENCES photos (id),
    shape      TEXT NOT NULL CHECK (shape IN ('rectangle', 'ellipse')),
    x          REAL NOT NULL CHECK (x >= 0 AND x < 1),
    y          REAL NOT NULL CHECK (y >= 0 AND y < 1),
    w          REAL NOT NULL CHECK (w > 0 AND x + w <= 1.000000001),
    h          REAL NOT NULL CHECK (h > 0 AND y + h <= 1.000000001),
    method     TEXT NOT NULL CHECK (method IN ('blur', 'pixelate', 'fill')),
    status     TEXT NOT NULL CHECK (status IN ('confirmed', 'proposed')),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS redactions_photo ON redactions (photo_id);
