"""Duplicate-finding inputs and the decisions people make about duplicates."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from catalog_app.core import content_area
from catalog_app.core.dedup import Decisions, DupPhoto
from catalog_app.core.hashes import unpack_hashes
from catalog_app.db.custody import CustodyWriter, now_utc


def inputs(conn: sqlite3.Connection, photo_ids: Sequence[int] | None = None) -> list[DupPhoto]:
    """Every photo (or those given) as grouping needs it, lowest id first."""
    sql = ("SELECT p.id, p.phash_canonical, p.pixel_hash, p.taken_at, p.width, p.height,"
           " p.format, (p.camera_make IS NOT NULL OR p.camera_model IS NOT NULL),"
           " p.gps_lat IS NOT NULL, (SELECT count(*) FROM sources s WHERE s.photo_id = p.id),"
           " l.keeper_id, p.size_bytes, p.thumbnail_path FROM photos p"
           " LEFT JOIN duplicate_links l ON l.photo_id = p.id")
    if photo_ids is not None:
        marks = ",".join("?" * len(photo_ids))
        rows = conn.execute(f"{sql} WHERE p.id IN ({marks}) ORDER BY p.id", list(photo_ids))
    else:
        rows = conn.execute(f"{sql} ORDER BY p.id")
    found = []
    for (pid, canon, pixel, taken, width, height, fmt, camera, gps, sources, keeper, size,
         thumb) in rows:
        whole, content, windows = content_area.split(unpack_hashes(canon))
        found.append(DupPhoto(pid, whole, pixel, datetime.fromisoformat(taken) if taken
                              else None, width or 0, height or 0, fmt, bool(camera), bool(gps),
                              sources, keeper, size, windows, content, thumb))
    return found


def decisions(conn: sqlite3.Connection) -> Decisions:
    return Decisions({(a, b) for a, b in conn.execute(  # a raw+JPEG shot is not a duplicate
        "SELECT a, b FROM not_duplicates UNION SELECT min(photo_id, partner_id),"
        " max(photo_id, partner_id) FROM shot_links")})


def missing_hashes(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """(id, stored path) of photos imported before duplicate hashes existed."""
    return conn.execute("SELECT id, stored_path FROM photos WHERE phash_canonical IS NULL"
                        " ORDER BY id").fetchall()


def set_hashes(conn: sqlite3.Connection, log: CustodyWriter, photo_id: int, canonical: bytes,
               pixel_hash: str | None) -> None:
    """Fill in a photo's duplicate hashes (derived from its original, but logged: the log
    carries every value the catalogue holds)."""
    changed = conn.execute("UPDATE photos SET phash_canonical = ?, pixel_hash = ? WHERE id = ?",
                           (canonical, pixel_hash, photo_id)).rowcount
    if changed:
        log.append("duplicate-hashes", {"phash_canonical": bytes(canonical).hex(),
                                        "pixel_hash": pixel_hash}, photo_id=photo_id)


def mark(conn: sqlite3.Connection, log: CustodyWriter, keeper: int,
         members: Sequence[tuple[int, str, int]], operator: str) -> None:
    """Link each (photo, kind, distance) to `keeper`; the keeper itself is linked to nothing."""
    unlinked = conn.execute("DELETE FROM duplicate_links WHERE photo_id = ?",
                            (keeper,)).rowcount
    logged = False
    for photo, kind, distance in members:
        if photo == keeper:
            continue
        decided = now_utc()
        conn.execute(
            "INSERT INTO duplicate_links (photo_id, keeper_id, kind, distance, decided_at,"
            " operator) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (photo_id) DO UPDATE SET"
            " keeper_id = excluded.keeper_id, kind = excluded.kind,"
            " distance = excluded.distance, decided_at = excluded.decided_at,"
            " operator = excluded.operator",
            (photo, keeper, kind, distance, decided, operator))
        log.append("duplicate-marked", {"keeper": keeper, "kind": kind, "distance": distance,
                                        "decided_at": decided}, photo_id=photo)
        logged = True
    if unlinked and not logged:  # (each duplicate-marked entry also unlinks its keeper)
        log.append("duplicate-unlinked", {"keeper": keeper}, photo_id=keeper)


def unmark(conn: sqlite3.Connection, log: CustodyWriter, photo_ids: Sequence[int],
           operator: str) -> None:
    """Record that none of `photo_ids` duplicates another; undo links between them."""
    ids = sorted(set(photo_ids))
    decided = now_utc()
    for n, a in enumerate(ids):
        for b in ids[n + 1 :]:
            conn.execute("INSERT OR IGNORE INTO not_duplicates (a, b, decided_at, operator)"
                         " VALUES (?, ?, ?, ?)", (a, b, decided, operator))
    marks = ",".join("?" * len(ids))
    conn.execute(f"DELETE FROM duplicate_links WHERE photo_id IN ({marks})"
                 f" AND keeper_id IN ({marks})", ids + ids)
    log.append("not-duplicate", {"photos": ids, "decided_at": decided})
