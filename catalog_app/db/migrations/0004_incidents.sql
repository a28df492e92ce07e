-- Version 4: incidents (a site and an event) and each photo's incident.

CREATE TABLE incidents (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT,
    place       TEXT,
    lat         REAL,
    lon         REAL,
    radius_m    REAL,
    starts_at   TEXT,                           -- ISO 8601, with its offset
    ends_at     TEXT,
    description TEXT NOT NULL DEFAULT '',
    sources     TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    archived    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL
);

ALTER TABLE photos ADD COLUMN incident_id INTEGER REFERENCES incidents (id);
CREATE INDEX photos_incident ON photos (incident_id);
