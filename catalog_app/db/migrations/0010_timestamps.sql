-- RFC 3161 time-stamp tokens of custody heads (issue 12: anchors). A row is queued (token NULL)
-- when a head should be time-stamped, and gets its token when `catalog-app timestamp` reaches a
-- time-stamping authority. head_text(entry_id, entry_hash) (core/anchors.py) is what the token
-- covers; ca_pem is the CA the token was checked against when stored, so verify works offline.
-- (IF NOT EXISTS: tests downgrade a catalogue by undoing older steps only, then migrate again.)
CREATE TABLE IF NOT EXISTS timestamps (
    id           INTEGER PRIMARY KEY,
    entry_id     INTEGER NOT NULL CHECK (entry_id > 0),
    entry_hash   TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    tsa_url      TEXT,
    token        BLOB,
    gen_time     TEXT,
    tsa_name     TEXT,
    ca_pem       BLOB,
    stamped_at   TEXT,
    UNIQUE (entry_id, entry_hash),
    CHECK ((token IS NULL) = (gen_time IS NULL))
);
CREATE INDEX IF NOT EXISTS timestamps_queued ON timestamps (id) WHERE token IS NULL;
CREATE TRIGGER IF NOT EXISTS timestamps_no_delete BEFORE DELETE ON timestamps
BEGIN SELECT RAISE(ABORT, 'time-stamp tokens are evidence and are never deleted'); END;
CREATE TRIGGER IF NOT EXISTS timestamps_token_once BEFORE UPDATE ON timestamps WHEN OLD.token IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a stored time-stamp token is never changed'); END;
