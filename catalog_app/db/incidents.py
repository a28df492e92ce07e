"""Incidents and tagging photos to them (at most one incident per photo)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import asdict

from catalog_app.core.models import Incident
from catalog_app.db import rows, sort_order
from catalog_app.db.custody import CustodyWriter, now_utc

_FIELDS = ("name", "kind", "place", "lat", "lon", "radius_m", "starts_at", "ends_at",
           "description", "sources", "notes")


def add(conn: sqlite3.Connection, log: CustodyWriter, incident: Incident) -> int:
    values = {k: v for k, v in asdict(incident).items() if k in _FIELDS}
    names = ", ".join([*values, "created_at"])
    marks = ", ".join([f":{k}" for k in values] + [":created_at"])
    created = now_utc()
    cursor = conn.execute(f"INSERT INTO incidents ({names}) VALUES ({marks})",
                          {**values, "created_at": created})
    new_id = int(cursor.lastrowid or 0)
    log.append("incident-added", {"incident": new_id, **values, "created_at": created})
    return new_id


def edit(conn: sqlite3.Connection, log: CustodyWriter, incident_id: int,
         changes: dict) -> None:
    """Change the given fields; the log keeps each field's old and new value."""
    unknown = set(changes) - set(_FIELDS) - {"archived"}
    if unknown:
        raise ValueError(f"unknown incident fields: {sorted(unknown)}")
    names = ", ".join(changes)
    old = dict(zip(changes, conn.execute(f"SELECT {names} FROM incidents WHERE id = ?",
                                         (incident_id,)).fetchone(), strict=True))
    assignments = ", ".join(f"{k} = :{k}" for k in changes)
    conn.execute(f"UPDATE incidents SET {assignments} WHERE id = :id",
                 {**changes, "id": incident_id})
    if {"lat", "lon"} & set(changes):  # its position may place its zone-unknown photos
        sort_order.refresh_incident(conn, incident_id)
    log.append("incident-edited", {"incident": incident_id, "old": old, "new": changes})


# The field table: (SQL expression over `incidents i`, the Incident field it is read into).
_COLUMNS: tuple[tuple[str, str], ...] = (
    ("i.id", "id"), *((f"i.{name}", name) for name in _FIELDS), ("i.archived", "archived"),
    ("(SELECT count(*) FROM photos p WHERE p.incident_id = i.id)", "photo_count"),
)


def listed(conn: sqlite3.Connection, include_archived: bool = False) -> list[Incident]:
    where = "" if include_archived else "WHERE i.archived = 0"
    columns = ", ".join(f"{expr} AS {name}" for expr, name in _COLUMNS)
    found = rows.named(conn, f"SELECT {columns} FROM incidents i {where}"
                             " ORDER BY i.starts_at IS NULL, i.starts_at, i.id")
    return [Incident(**{**{name: r[name] for _, name in _COLUMNS},
                        "archived": bool(r["archived"])}) for r in found]


def exists(conn: sqlite3.Connection, incident_id: int) -> bool:
    return conn.execute("SELECT 1 FROM incidents WHERE id = ?", (incident_id,)).fetchone() \
        is not None


def tag(conn: sqlite3.Connection, log: CustodyWriter, photo_ids: Sequence[int],
        incident_id: int | None) -> int:
    """Set (or, with None, clear) the incident of each photo; returns how many changed."""
    changed = 0
    moved: list[int] = []
    for photo_id in dict.fromkeys(photo_ids):
        row = conn.execute("SELECT incident_id FROM photos WHERE id = ?", (photo_id,)).fetchone()
        if row is None or row[0] == incident_id:
            continue
        conn.execute("UPDATE photos SET incident_id = ? WHERE id = ?", (incident_id, photo_id))
        log.append("tag" if incident_id is not None else "untag",
                   {"incident": incident_id, "previous": row[0]}, photo_id=photo_id)
        changed += 1
        moved.append(photo_id)
    sort_order.refresh_ids(conn, moved, zone_unknown_only=True)  # an incident may place them
    return changed


def set_caption(conn: sqlite3.Connection, log: CustodyWriter, photo_id: int,
                text: str) -> bool:
    """Set a photo's caption, logging old and new text; False if it was already that."""
    row = conn.execute("SELECT caption FROM photos WHERE id = ?", (photo_id,)).fetchone()
    if row is None or row[0] == text:
        return False
    conn.execute("UPDATE photos SET caption = ? WHERE id = ?", (text, photo_id))
    log.append("caption", {"old": row[0], "new": text}, photo_id=photo_id)
    return True


def merge(conn: sqlite3.Connection, log: CustodyWriter, source: int, target: int) -> int:
    """Move every photo of `source` to `target` and archive `source`; returns photos moved."""
    photos = [r[0] for r in conn.execute("SELECT id FROM photos WHERE incident_id = ?",
                                         (source,))]
    moved = tag(conn, log, photos, target)
    conn.execute("UPDATE incidents SET archived = 1 WHERE id = ?", (source,))
    log.append("incident-merged", {"incident": source, "into": target, "photos": moved})
    return moved


def delete(conn: sqlite3.Connection, log: CustodyWriter, incident_id: int) -> int:
    """Untag the incident's photos (each logged), then delete the incident, logging all its
    values so the record keeps what it was. Photos are never deleted. Returns photos untagged."""
    photos = [r[0] for r in conn.execute("SELECT id FROM photos WHERE incident_id = ?",
                                         (incident_id,))]
    untagged = tag(conn, log, photos, None)
    row = conn.execute(f"SELECT {', '.join(_FIELDS)}, archived FROM incidents WHERE id = ?",
                       (incident_id,)).fetchone()
    conn.execute("DELETE FROM incidents WHERE id = ?", (incident_id,))
    log.append("incident-deleted", {"incident": incident_id, "untagged": untagged,
                                    "values": dict(zip((*_FIELDS, "archived"), row,
                                                       strict=True))})
    return untagged
