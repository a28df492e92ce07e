-- An import whose process was killed is marked 'interrupted' (with a logged entry) when the
-- catalogue is next opened for writing. SQLite cannot alter a CHECK constraint, so the table
-- is rebuilt (foreign keys are off while migrations run; the rows keep their ids).
CREATE TABLE imports_0011 (
    id              INTEGER PRIMARY KEY,
    started_at      TEXT NOT NULL,
    finished_at     TEXT,                       -- for an interrupted one: when it was found
    status          TEXT NOT NULL
                    CHECK (status IN ('running', 'finished', 'cancelled', 'interrupted')),
    operator        TEXT NOT NULL,
    machine         TEXT NOT NULL,
    app_version     TEXT NOT NULL,
    in_place        INTEGER NOT NULL,
    paths           TEXT NOT NULL,              -- JSON list of what the person asked for
    imported        INTEGER NOT NULL DEFAULT 0,
    already_present INTEGER NOT NULL DEFAULT 0,
    failed          INTEGER NOT NULL DEFAULT 0
);
INSERT INTO imports_0011 SELECT id, started_at, finished_at, status, operator, machine,
    app_version, in_place, paths, imported, already_present, failed FROM imports;
DROP TABLE imports;
ALTER TABLE imports_0011 RENAME TO imports;
