"""Record a catalogue's current state as logged baseline entries (schema migration 8)."""

from __future__ import annotations

import hashlib
import platform
import sqlite3
from pathlib import Path

from catalog_app import __version__
from catalog_app.core.layout import Layout
from catalog_app.core.models import Actor
from catalog_app.core.record import PHOTO_RECORD, photo_record
from catalog_app.core.replay import BASELINE
from catalog_app.db import state
from catalog_app.db.custody import CustodyWriter

SYSTEM_ACTOR = Actor("catalog_app", platform.node() or "unknown machine", __version__)
_TABLES = ("photos", "incidents", "imports", "import_failures", "camera_clocks", "custody_log")


def record(conn: sqlite3.Connection) -> None:
    """Hash the thumbnails, then log the state: one entry per row (none for an empty
    catalogue). Runs inside migration 8's transaction."""
    if not any(conn.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone() for t in _TABLES):
        return
    if carries_values(conn):  # a downgraded catalogue: its log already records the state, so
        return               # verify replays it and shows the real differences
    _hash_thumbnails(conn)
    tables = state.held(conn)
    log = CustodyWriter(conn, SYSTEM_ACTOR)
    before = conn.execute("SELECT count(*) FROM custody_log").fetchone()[0]
    log.append(BASELINE, {"reason": "catalogue upgraded: the state it held is recorded here, "
                                    "and verify replays the log from this entry",
                          "entries_before": before, "photos": len(tables["photos"]),
                          "incidents": len(tables["incidents"])})
    for import_id, values in sorted(tables["imports"].items()):
        log.append("import-baseline", {"import": import_id, "values": values})
    for incident_id, values in sorted(tables["incidents"].items()):
        log.append("incident-baseline", {"incident": incident_id, "values": values})
    keywords: dict[int, list[str]] = {}
    for pid, word in tables["photo_keywords"]:
        keywords.setdefault(pid, []).append(word)
    for pid, row in sorted(tables["photos"].items()):
        log.append("photo-baseline", {
            "photo": photo_record({k: row[k] for k in PHOTO_RECORD}),
            "caption": row["caption"], "incident": row["incident_id"],
            "graphic": bool(row["graphic"]), "restricted": bool(row["restricted"]),
            "caption_review": bool(row["caption_review"]),
            "keywords": sorted(keywords.get(pid, []))}, photo_id=pid)
    for (pid, raw), values in sorted(tables["sources"].items()):
        log.append("source-baseline", {"source": {"path_raw": raw, **values}}, photo_id=pid)
    for failure_id, values in sorted(tables["import_failures"].items()):
        log.append("failure-baseline", {"failure": failure_id, "values": values})
    for (make, model, serial), values in sorted(tables["camera_clocks"].items()):
        log.append("clock-baseline", {"camera": {"make": make, "model": model,
                                                 "serial": serial}, "values": values})
    for pid, values in sorted(tables["duplicate_links"].items()):
        log.append("duplicate-link-baseline", {"values": values}, photo_id=pid)
    for (a, b), values in sorted(tables["not_duplicates"].items()):
        log.append("not-duplicate-baseline", {"a": a, "b": b, "values": values})


def carries_values(conn: sqlite3.Connection) -> bool:
    """Whether the log already records values (an import entry carrying its photo's record,
    or a baseline): a catalogue the app wrote at version 8 or later."""
    return conn.execute(
        "SELECT 1 FROM custody_log WHERE action = ? OR (action = 'import' AND CASE WHEN"
        " json_valid(details) THEN json_type(details, '$.photo') END = 'object') LIMIT 1",
        (BASELINE,)).fetchone() is not None


def _hash_thumbnails(conn: sqlite3.Connection) -> None:
    """Record the SHA-256 of each photo's thumbnail as it is now (None where it is missing)."""
    main = next(r[2] for r in conn.execute("PRAGMA database_list") if r[1] == "main")
    layout = Layout(Path(main).parent) if main else None
    found = []
    for pid, rel in conn.execute("SELECT id, thumbnail_path FROM photos"
                                 " WHERE thumbnail_path IS NOT NULL AND thumbnail_path != ''"
                                 " AND thumbnail_sha256 IS NULL").fetchall():
        try:
            digest = hashlib.sha256((layout.resolve(rel) if layout else Path(rel))
                                    .read_bytes()).hexdigest()
        except OSError:
            continue
        found.append((digest, pid))
    conn.executemany("UPDATE photos SET thumbnail_sha256 = ? WHERE id = ?", found)
