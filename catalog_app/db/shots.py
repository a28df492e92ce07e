"""Link a camera raw to the JPEG of the same shot (logged), so they show as one shot."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from catalog_app.core import shots
from catalog_app.db.custody import CustodyWriter, now_utc


def link(conn: sqlite3.Connection, log: CustodyWriter, photo_ids: Sequence[int]
         ) -> list[tuple[int, int]]:
    """Link each of `photo_ids` that is half of a raw+JPEG shot to its other half (each photo
    is linked once: photos already linked are left as they are)."""
    if not photo_ids:
        return []
    marks = ",".join("?" * len(photo_ids))
    rows = conn.execute(
        "SELECT p.id, p.format, p.camera_make, p.camera_model, p.taken_at, s.path"
        " FROM photos p JOIN sources s ON s.photo_id = p.id"
        f" WHERE p.taken_at IN (SELECT taken_at FROM photos WHERE id IN ({marks}))"
        " AND p.id NOT IN (SELECT photo_id FROM shot_links)"
        " AND p.id NOT IN (SELECT partner_id FROM shot_links) ORDER BY p.id",
        list(photo_ids)).fetchall()
    files: dict[int, shots.ShotFile] = {}
    for pid, fmt, make, model, taken, path in rows:
        known = files.get(pid)
        names = (*known.names, path) if known else (path,)
        files[pid] = shots.ShotFile(pid, fmt, make, model, taken, names)
    new = set(photo_ids)
    found = [pair for pair in shots.pairs(files.values()) if new & set(pair)]
    for raw_id, partner in found:
        linked = now_utc()
        conn.execute("INSERT INTO shot_links (photo_id, partner_id, linked_at) VALUES (?, ?, ?)",
                     (raw_id, partner, linked))
        log.append("same-shot", {"partner": partner, "linked_at": linked}, photo_id=raw_id)
    return found
