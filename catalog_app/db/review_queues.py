"""The review queues of the sidebar: flagged photos, each keyword, each camera, archived
incidents; their conditions on photos (aliased p) and their counts."""

from __future__ import annotations

import sqlite3

from catalog_app.core.queues import ReviewQueues, parse_key

__all__ = ["QUEUES", "ReviewQueues", "collection_clause"]

LINKED = "p.id IN (SELECT photo_id FROM duplicate_links)"
# a face scan that found faces with no decision yet, or a region a detector proposed
REDACTION_OPEN = (
    "(EXISTS (SELECT 1 FROM redactions r WHERE r.photo_id = p.id AND r.status = 'proposed')"
    " OR EXISTS (SELECT 1 FROM face_scans f WHERE f.photo_id = p.id AND f.faces > 0"
    " AND f.reviewed_at IS NULL AND f.published_anyway_at IS NULL))")

# Collection value -> its condition (marked duplicates are shown only in their own collection)
QUEUES = {
    "graphic": f"p.graphic = 1 AND NOT {LINKED}",
    "restricted": f"p.restricted = 1 AND NOT {LINKED}",
    "caption-review": f"p.caption_review = 1 AND NOT {LINKED}",
    "redaction-unreviewed": f"{REDACTION_OPEN} AND NOT {LINKED}",
}


def collection_clause(collection: str) -> tuple[str, list] | None:
    """The condition of a keyword, camera or archived incident's collection; None otherwise."""
    parsed = parse_key(collection)
    if parsed is None:
        return None
    kind, value = parsed
    if kind == "keyword":
        return (f"p.id IN (SELECT photo_id FROM photo_keywords WHERE keyword = ?)"
                f" AND NOT {LINKED}", [value])
    if kind == "camera":
        assert isinstance(value, tuple)
        return (f"coalesce(p.camera_make, '') = ? AND coalesce(p.camera_model, '') = ?"
                f" AND NOT {LINKED}", list(value))
    return f"p.incident_id = ? AND NOT {LINKED}", [value]  # an archived incident


def keyword_counts(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Every keyword in use with its photos' count (marked duplicates aside), A to Z."""
    return conn.execute(
        f"SELECT k.keyword, count(*) FROM photo_keywords k JOIN photos p ON p.id = k.photo_id"
        f" WHERE NOT {LINKED} GROUP BY k.keyword ORDER BY lower(k.keyword), k.keyword"
    ).fetchall()


def camera_counts(conn: sqlite3.Connection) -> list[tuple[str, str, int]]:
    """(make, model, photo count) for every camera recorded ('' for a missing part)."""
    return conn.execute(
        f"SELECT coalesce(p.camera_make, ''), coalesce(p.camera_model, ''), count(*)"
        f" FROM photos p WHERE (p.camera_make IS NOT NULL OR p.camera_model IS NOT NULL)"
        f" AND NOT {LINKED} GROUP BY 1, 2 ORDER BY 1, 2").fetchall()


def archived_incidents(conn: sqlite3.Connection) -> list[tuple[int, str, int]]:
    """(id, name, photo count) of every archived incident, by name."""
    return conn.execute(
        "SELECT i.id, i.name, (SELECT count(*) FROM photos p WHERE p.incident_id = i.id)"
        " FROM incidents i WHERE i.archived = 1 ORDER BY lower(i.name), i.id").fetchall()
