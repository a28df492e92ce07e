-- Faces found offline (issue 14): one row per photo scanned, with the boxes its detector
-- proposed (JSON, normalised to the upright image) and the person's decision: reviewed (the
-- proposals were looked at) or published anyway. A gallery withholds a photo whose scan found
-- faces until one of the two is set. Every write is logged (faces-scanned, faces-reviewed,
-- faces-published-anyway) and verify compares this table with the log.
-- (IF NOT EXISTS: tests undo later schemas with SQL and migrate again.)
CREATE TABLE IF NOT EXISTS face_scans (
    photo_id            INTEGER PRIMARY KEY REFERENCES photos (id),
    detector            TEXT NOT NULL,
    detector_version    TEXT NOT NULL,
    scanned_at          TEXT NOT NULL,
    boxes               TEXT NOT NULL,  -- JSON list of {x, y, w, h, score, kind}
    faces               INTEGER NOT NULL CHECK (faces >= 0),
    reviewed_by         TEXT,
    reviewed_at         TEXT,
    published_anyway_by TEXT,
    published_anyway_at TEXT,
    CHECK ((reviewed_by IS NULL) = (reviewed_at IS NULL)),
    CHECK ((published_anyway_by IS NULL) = (published_anyway_at IS NULL))
);
-- what galleries ask on every export: faces found, no decision yet
CREATE INDEX IF NOT EXISTS face_scans_unreviewed ON face_scans (photo_id)
    WHERE faces > 0 AND reviewed_at IS NULL AND published_anyway_at IS NULL;
