-- Version 1: photos, their sources, import runs and failures, and the custody log.

CREATE TABLE imports (
    id              INTEGER PRIMARY KEY,
    started_at      TEXT NOT NULL,
    finished_at     TEXT,
    status          TEXT NOT NULL CHECK (status IN ('running', 'finished', 'cancelled')),
    operator        TEXT NOT NULL,
    machine         TEXT NOT NULL,
    app_version     TEXT NOT NULL,
    in_place        INTEGER NOT NULL,
    paths           TEXT NOT NULL,              -- JSON list of what the person asked for
    imported        INTEGER NOT NULL DEFAULT 0,
    already_present INTEGER NOT NULL DEFAULT 0,
    failed          INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE photos (
    id                INTEGER PRIMARY KEY,
    sha256            TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    stored_path       TEXT NOT NULL,            -- relative to the catalogue, absolute in place
    in_place          INTEGER NOT NULL DEFAULT 0,
    format            TEXT NOT NULL,
    size_bytes        INTEGER NOT NULL,
    width             INTEGER,                  -- as displayed, orientation applied
    height            INTEGER,
    orientation       INTEGER,
    taken_at          TEXT,                     -- ISO 8601 as recorded, offset when known
    taken_at_utc      TEXT,                     -- ISO 8601 ending in Z, NULL when zone unknown
    time_source       TEXT NOT NULL,
    sort_time         TEXT,                     -- UTC when known, else local: the grid order
    gps_lat           REAL,
    gps_lon           REAL,
    gps_alt           REAL,
    camera_make       TEXT,
    camera_model      TEXT,
    camera_serial     TEXT,
    phash             INTEGER NOT NULL,         -- 64-bit, stored signed
    dhash             INTEGER NOT NULL,
    thumbnail_path    TEXT,
    metadata_warnings TEXT NOT NULL DEFAULT '[]',
    imported_at       TEXT NOT NULL,
    import_id         INTEGER NOT NULL REFERENCES imports (id)
);
CREATE INDEX photos_sort ON photos (sort_time, id);

CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    photo_id    INTEGER NOT NULL REFERENCES photos (id),
    path        TEXT NOT NULL,                  -- printable form
    path_raw    BLOB NOT NULL,                  -- the exact bytes of the name
    size_bytes  INTEGER NOT NULL,
    mtime       TEXT,
    import_id   INTEGER NOT NULL REFERENCES imports (id),
    recorded_at TEXT NOT NULL,
    UNIQUE (photo_id, path_raw)
);
CREATE INDEX sources_photo ON sources (photo_id);

CREATE TABLE import_failures (
    id          INTEGER PRIMARY KEY,
    import_id   INTEGER NOT NULL REFERENCES imports (id),
    path        TEXT NOT NULL,
    path_raw    BLOB NOT NULL,
    sha256      TEXT,
    reason      TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);

CREATE TABLE custody_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,                  -- UTC, ISO 8601
    operator    TEXT NOT NULL,
    machine     TEXT NOT NULL,
    app_version TEXT NOT NULL,
    action      TEXT NOT NULL,
    photo_id    INTEGER REFERENCES photos (id),
    details     TEXT NOT NULL,                  -- canonical JSON
    prev_hash   TEXT NOT NULL,
    entry_hash  TEXT NOT NULL UNIQUE
);
CREATE INDEX custody_photo ON custody_log (photo_id);

CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON custody_log
BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
CREATE TRIGGER custody_log_no_delete BEFORE DELETE ON custody_log
BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
CREATE TRIGGER photos_no_delete BEFORE DELETE ON photos
BEGIN SELECT RAISE(ABORT, 'photos are evidence and are never deleted'); END;
