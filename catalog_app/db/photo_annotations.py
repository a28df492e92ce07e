"""Flags, keywords and camera clock corrections: each change logged with old and new values.

(Named photo_annotations, not annotations: that name is `from __future__ import annotations`.)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from catalog_app.core.keywords import keyword_key
from catalog_app.core.models import Camera, Flag
from catalog_app.db import sort_order
from catalog_app.db.custody import CustodyWriter, now_utc

FLAGS = tuple(Flag)


def set_flag(conn: sqlite3.Connection, log: CustodyWriter, photo_ids: Sequence[int],
             flag: str, value: bool) -> int:
    """Set one flag on each photo; returns how many changed."""
    if flag not in FLAGS:
        raise ValueError(f"unknown flag {flag!r}")
    changed = 0
    for photo_id in dict.fromkeys(photo_ids):
        row = conn.execute(f"SELECT {flag} FROM photos WHERE id = ?", (photo_id,)).fetchone()
        if row is None or bool(row[0]) == value:
            continue
        conn.execute(f"UPDATE photos SET {flag} = ? WHERE id = ?", (int(value), photo_id))
        log.append("flag", {"flag": flag, "old": bool(row[0]), "new": value}, photo_id=photo_id)
        changed += 1
    return changed


def change_keywords(conn: sqlite3.Connection, log: CustodyWriter, photo_ids: Sequence[int],
                    add: Sequence[str], remove: Sequence[str]) -> int:
    """Add and remove keywords on each photo; returns how many photos changed.

    A keyword is kept as typed but for its spacing: runs of white space (and control
    characters, which a keyword cannot hold) become one space; empty ones are ignored.
    Keywords are one whatever their case (core/keywords.py): a keyword added takes the spelling
    the catalogue already uses (the one most photos carry, if several), and removing one
    removes it in any spelling.
    """
    add, remove = tidy_keywords(add), tidy_keywords(remove)
    first: dict[str, str] = {}
    for (word,) in conn.execute("SELECT keyword FROM photo_keywords GROUP BY keyword"
                                " ORDER BY count(*) DESC, keyword"):
        first.setdefault(keyword_key(word), word)
    add = list(dict.fromkeys(first.setdefault(keyword_key(k), k) for k in add))
    gone = {keyword_key(k) for k in remove}
    changed = 0
    for photo_id in dict.fromkeys(photo_ids):
        has = [r[0] for r in conn.execute(
            "SELECT keyword FROM photo_keywords WHERE photo_id = ?", (photo_id,))]
        held = {keyword_key(k) for k in has}
        added = [k for k in add if keyword_key(k) not in held and conn.execute(
            "INSERT INTO photo_keywords (photo_id, keyword) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (photo_id, k)).rowcount]
        removed = [k for k in has if keyword_key(k) in gone and conn.execute(
            "DELETE FROM photo_keywords WHERE photo_id = ? AND keyword = ?",
            (photo_id, k)).rowcount]
        if added or removed:
            log.append("keywords", {"added": added, "removed": removed}, photo_id=photo_id)
            changed += 1
    return changed


def tidy_keywords(words: Sequence[str]) -> list[str]:
    spaced = (" ".join("".join(c if c.isprintable() else " " for c in w).split()) for w in words)
    return list(dict.fromkeys(w for w in spaced if w))


def all_keywords(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Every keyword in use with how many photos carry it, most used first."""
    return conn.execute("SELECT keyword, count(*) FROM photo_keywords GROUP BY keyword"
                        " ORDER BY count(*) DESC, keyword").fetchall()


def set_clock(conn: sqlite3.Connection, log: CustodyWriter, camera: Camera,
              offset_s: int | None, reason: str) -> int:
    """Set (None: clear) a camera's clock offset; returns how many photos it applies to.

    The recorded capture times are not touched; only the grid's derived sort time follows.
    """
    key = (camera.make or "", camera.model or "", camera.serial or "")
    old = conn.execute("SELECT offset_s FROM camera_clocks WHERE make = ? AND model = ?"
                       " AND serial = ?", key).fetchone()
    set_at = now_utc()
    if offset_s is None:
        conn.execute("DELETE FROM camera_clocks WHERE make = ? AND model = ? AND serial = ?",
                     key)
    else:
        conn.execute(
            "INSERT INTO camera_clocks (make, model, serial, offset_s, reason, set_at, operator)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (make, model, serial) DO UPDATE SET"
            " offset_s = excluded.offset_s, reason = excluded.reason, set_at = excluded.set_at,"
            " operator = excluded.operator",
            (*key, offset_s, reason, set_at, log.operator))
    count = conn.execute(
        "SELECT count(*) FROM photos WHERE taken_at IS NOT NULL AND coalesce(camera_make, '')"
        " = ? AND coalesce(camera_model, '') = ? AND coalesce(camera_serial, '') = ?",
        key).fetchone()[0]
    sort_order.refresh_camera(conn, key)  # the grid order follows, by core/clock.py's rule
    log.append("clock-correction", {"camera": {"make": camera.make, "model": camera.model,
                                               "serial": camera.serial},
                                    "old_offset_s": old[0] if old else None,
                                    "new_offset_s": offset_s, "reason": reason,
                                    "photos": count, "set_at": set_at})
    return count


def cameras_with_clocks(conn: sqlite3.Connection) -> list[tuple[Camera, int, int | None]]:
    """Every camera (make, model, serial) with its photo count and clock offset."""
    rows = conn.execute(
        "SELECT p.camera_make, p.camera_model, p.camera_serial, count(*), c.offset_s"
        " FROM photos p LEFT JOIN camera_clocks c ON c.make = coalesce(p.camera_make, '')"
        " AND c.model = coalesce(p.camera_model, '') AND c.serial = coalesce(p.camera_serial, '')"
        " GROUP BY 1, 2, 3 ORDER BY count(*) DESC")
    return [(Camera(make, model, serial), n, offset) for make, model, serial, n, offset in rows]


def set_thumbnail(conn: sqlite3.Connection, log: CustodyWriter, photo_id: int,
                  thumbnail_path: str, sha256: str) -> None:
    """Record a rebuilt thumbnail (derived from its original) with its new hash."""
    old = conn.execute("SELECT thumbnail_sha256 FROM photos WHERE id = ?", (photo_id,)
                       ).fetchone()
    conn.execute("UPDATE photos SET thumbnail_path = ?, thumbnail_sha256 = ? WHERE id = ?",
                 (thumbnail_path, sha256, photo_id))
    log.append("thumbnail-rebuilt", {"thumbnail_path": thumbnail_path,
                                     "thumbnail_sha256": sha256,
                                     "old_sha256": old[0] if old else None}, photo_id=photo_id)
