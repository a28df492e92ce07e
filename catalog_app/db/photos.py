"""Reading photos with their sources (the rows behind Photo values)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from catalog_app.core.models import Photo, Source
from catalog_app.db import rows
from catalog_app.errors import PhotoNotFound


def listed(conn: sqlite3.Connection, limit: int | None = None, offset: int = 0) -> list[Photo]:
    """Photos in capture-time order (unknown times last), each with its sources."""
    found = rows.named(
        conn, f"SELECT {rows.PHOTO_COLUMNS} FROM photos"
        " ORDER BY (sort_time IS NULL), sort_time, id LIMIT ? OFFSET ?",
        (-1 if limit is None else limit, offset),
    )
    by_id = sources(conn, [r["id"] for r in found])
    return [rows.photo_from_row(r, by_id.get(r["id"], ())) for r in found]


def get(conn: sqlite3.Connection, photo_id: int) -> Photo:
    found = rows.named(conn, f"SELECT {rows.PHOTO_COLUMNS} FROM photos WHERE id = ?",
                       (photo_id,))
    if not found:
        raise PhotoNotFound(photo_id)
    return rows.photo_from_row(found[0], sources(conn, [photo_id]).get(photo_id, ()))


def sources(conn: sqlite3.Connection, photo_ids: Sequence[int]) -> dict[int, tuple[Source, ...]]:
    found: dict[int, list[Source]] = {}
    ids = list(photo_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for pid, path, size, mtime, at in conn.execute(
            f"SELECT photo_id, path, size_bytes, mtime, recorded_at FROM sources"
            f" WHERE photo_id IN ({marks}) ORDER BY id", chunk,
        ):
            found.setdefault(pid, []).append(Source(path, size, mtime, at))
    return {pid: tuple(items) for pid, items in found.items()}


def check_exist(conn: sqlite3.Connection, photo_ids: Sequence[int]) -> None:
    """Raise PhotoNotFound for the first id that is not in the catalogue."""
    from catalog_app.db import queries

    missing = queries.missing_photo_ids(conn, photo_ids)
    if missing:
        raise PhotoNotFound(missing[0])
