"""The catalogue's SQL schema (tables, columns, indexes, triggers) against what the app makes."""

from __future__ import annotations

import functools
import re
import sqlite3

from catalog_app.db import migrate

_TRIGGER_WHY = {  # one rule per trigger: the sentence names the one that no longer holds
    "custody_log_no_update": "custody log entries can be changed: the log is no longer "
                             "append-only",
    "custody_log_no_delete": "custody log entries can be deleted: the log is no longer "
                             "append-only",
    "photos_no_delete": "photos can be deleted from the catalogue",
    "checkpoints_no_update": "signed checkpoints can be changed",
    "checkpoints_no_delete": "signed checkpoints can be deleted",
    "timestamps_no_delete": "time-stamp tokens can be deleted",
    "timestamps_token_once": "a time-stamp token, once stored, can be replaced",
    # the search index (migration 15) follows each write in the write's own transaction
    "photo_search_photo_added": "a photo imported is not added to the search index",
    "photo_search_photo_changed": "a caption, incident or camera changed is not searchable",
    "photo_search_keyword_added": "a keyword added is not searchable",
    "photo_search_keyword_removed": "a keyword removed is still found by search",
    "photo_search_source_added": "a file name recorded for a photo is not searchable",
    "photo_search_incident_changed": "an incident renamed or moved is searched by its old "
                                     "name or place",
}


def _why(kind: str, name: str) -> str | None:
    if kind != "trigger":
        return None
    return _TRIGGER_WHY.get(name, "the rule it enforces no longer holds")


def _normal(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip()


def _objects(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    return {(kind, name): _normal(sql) for kind, name, sql in conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")}


@functools.cache
def expected() -> dict[tuple[str, str], str]:
    """What the app's migrations make, run once on an in-memory database (cached)."""
    conn = sqlite3.connect(":memory:")
    try:
        for _, sql in migrate.available():
            conn.executescript(sql)
        return _objects(conn)
    finally:
        conn.close()


def problems(conn: sqlite3.Connection) -> list[str]:
    """One sentence per table, index or trigger missing, changed or unknown to the app."""
    want, have = expected(), _objects(conn)
    found = []
    for kind, name in sorted(want.keys() - have.keys()):
        why = _why(kind, name)
        found.append(f"schema: {kind} {name} is missing" + (f" ({why})" if why else ""))
    for kind, name in sorted(have.keys() - want.keys()):
        found.append(f"schema: {kind} {name} is not one the app makes")
    for kind, name in sorted(want.keys() & have.keys()):
        if want[(kind, name)] != have[(kind, name)]:
            found.append(f"schema: {kind} {name} differs from what the app makes: "
                         f"{have[(kind, name)][:200]}")
    return found
