"""The stored time order (photos.sort_time) and corrected local time (photos.corrected_local,
set only when the camera's clock is corrected), written with core/clock.py's one rule.

Both are derived data, rebuilt from what the catalogue records (capture times, camera
clock corrections, the zones of a camera's other photos, incident positions), and not
logged. Every writer that changes one of those inputs re-sorts the photos it affects, in the
same transaction: an import (its new photos, and the zone-unknown photos of their cameras),
a clock correction (the camera's photos), tagging and an incident's position (its zone-unknown
photos), and schema migration 7 (every photo of an older catalogue).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime, tzinfo

from catalog_app.core import clock
from catalog_app.core.models import TimeSource

CameraKey = tuple[str, str, str]  # make, model, serial; '' for a missing value
NO_CAMERA: CameraKey = ("", "", "")
_KEY = ("coalesce(p.camera_make, ''), coalesce(p.camera_model, ''),"
        " coalesce(p.camera_serial, '')")
_SAME_CAMERA = ("coalesce(p.camera_make, '') = ? AND coalesce(p.camera_model, '') = ?"
                " AND coalesce(p.camera_serial, '') = ?")
ZONE_UNKNOWN = "p.taken_at IS NOT NULL AND p.taken_at_utc IS NULL"
_CHUNK = 500


def clock_offsets(conn: sqlite3.Connection) -> dict[CameraKey, int]:
    """Each corrected camera's clock offset in seconds."""
    return {(m, o, s): off for m, o, s, off in conn.execute(
        "SELECT make, model, serial, offset_s FROM camera_clocks")}


def refresh(conn: sqlite3.Connection, where: str = "1", params: Sequence[object] = (),
            context: _Context | None = None) -> int:
    """Recompute sort_time and corrected_local of the photos matching `where` (SQL over
    `photos p`); returns how many changed."""
    targets = conn.execute(
        f"SELECT p.id, p.taken_at, p.time_source, {_KEY}, p.incident_id, p.sort_time,"
        f" p.corrected_local FROM photos p WHERE {where}", tuple(params)).fetchall()
    if not targets:
        return 0
    context = context or _Context(conn)
    offsets = context.offsets
    changed = []
    for pid, taken, source, make, model, serial, incident_id, old, old_local in targets:
        key = (make, model, serial)
        offset = offsets.get(key)
        new = local = None
        if taken is not None:
            when, kind = datetime.fromisoformat(taken), TimeSource(source)
            moved = clock.corrected_time(when, kind, offset or 0)
            zone: tzinfo | None = None
            if when.tzinfo is None:
                zone, _ = clock.assumed_zone(moved, context.camera(key),
                                             context.position(incident_id))
            new = clock.sort_key(when, kind, offset or 0, zone)
            if offset is not None:  # the corrected wall-clock time: grid label, date filter
                local = moved.replace(tzinfo=None).isoformat()
        if (new, local) != (old, old_local):
            changed.append((new, local, pid))
    conn.executemany("UPDATE photos SET sort_time = ?, corrected_local = ? WHERE id = ?",
                     changed)
    return len(changed)


def refresh_ids(conn: sqlite3.Connection, photo_ids: Sequence[int],
                zone_unknown_only: bool = False) -> int:
    """Re-sort the given photos (only those whose zone is unknown, if asked)."""
    ids = list(dict.fromkeys(photo_ids))
    extra = f" AND {ZONE_UNKNOWN}" if zone_unknown_only else ""
    changed = 0
    context = _Context(conn)  # read once for all chunks
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        changed += refresh(conn, f"p.id IN ({','.join('?' * len(chunk))}){extra}", chunk,
                           context)
    return changed


def refresh_camera(conn: sqlite3.Connection, key: CameraKey,
                   zone_unknown_only: bool = False) -> int:
    """Re-sort one camera's photos (only those whose zone is unknown, if asked)."""
    extra = f" AND {ZONE_UNKNOWN}" if zone_unknown_only else ""
    return refresh(conn, _SAME_CAMERA + extra, key)


def refresh_incident(conn: sqlite3.Connection, incident_id: int) -> int:
    """Re-sort an incident's zone-unknown photos (its position may place them)."""
    return refresh(conn, f"p.incident_id = ? AND {ZONE_UNKNOWN}", (incident_id,))


def after_import(conn: sqlite3.Connection, new_ids: Sequence[int]) -> int:
    """Sort newly imported photos; a new zone-known photo may also place its camera's
    zone-unknown ones, so those are re-sorted too."""
    # photo_values already gave a zone-known photo its key; only a clock correction changes it
    changed = refresh_ids(conn, new_ids, zone_unknown_only=not clock_offsets(conn))
    unknown = {tuple(r) for r in conn.execute(
        f"SELECT DISTINCT {_KEY} FROM photos p WHERE {ZONE_UNKNOWN}")}
    if not unknown:
        return changed
    cameras: set[CameraKey] = set()
    ids = list(new_ids)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        cameras |= {tuple(r) for r in conn.execute(  # type: ignore[misc]
            f"SELECT DISTINCT {_KEY} FROM photos p WHERE p.taken_at_utc IS NOT NULL"
            f" AND p.id IN ({','.join('?' * len(chunk))})", chunk)}
    for key in (cameras & unknown) - {NO_CAMERA}:
        changed += refresh_camera(conn, key, zone_unknown_only=True)
    return changed


class _Context:
    """What the rule needs about other rows, read once per refresh and only when needed."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.offsets = clock_offsets(conn)
        self._cameras: dict[CameraKey, clock.CameraZones] = {}
        self._positions: dict[int, tuple[float, float]] | None = None

    def camera(self, key: CameraKey) -> clock.CameraZones | None:
        """The zones of this camera's photos; None for photos that name no camera at all
        (screenshots, messenger copies): those are not one camera, so they say nothing."""
        if key == NO_CAMERA:
            return None
        if key not in self._cameras:
            known = [(datetime.fromisoformat(t), TimeSource(s)) for t, s in self._conn.execute(
                f"SELECT p.taken_at, p.time_source FROM photos p WHERE {_SAME_CAMERA}"
                " AND p.taken_at_utc IS NOT NULL", key)]
            self._cameras[key] = clock.CameraZones(known, self.offsets.get(key, 0))
        return self._cameras[key]

    def position(self, incident_id: int | None) -> tuple[float, float] | None:
        if incident_id is None:
            return None
        if self._positions is None:
            self._positions = {i: (lat, lon) for i, lat, lon in self._conn.execute(
                "SELECT id, lat, lon FROM incidents WHERE lat IS NOT NULL AND lon IS NOT NULL")}
        return self._positions.get(incident_id)

