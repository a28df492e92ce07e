"""The photo_positions table: positions assigned after import (track, by hand), each logged."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager

from catalog_app.core.custody import now_utc
from catalog_app.core.models import Actor, AssignedPosition, PositionSource
from catalog_app.db import photos
from catalog_app.db.unit_of_work import UnitOfWork

SET = "position-set"
_COLUMNS = "photo_id, lat, lon, source, detail, track_sha256, set_by, set_at"


def _position(row: tuple) -> tuple[int, AssignedPosition]:
    pid, lat, lon, source, detail, track, by, at = row
    return pid, AssignedPosition(lat, lon, PositionSource(source), detail, track, by, at)


def of_photos(conn: sqlite3.Connection, photo_ids: Sequence[int] | None = None
              ) -> dict[int, AssignedPosition]:
    """Each photo's assigned position (every photo that has one, or those named)."""
    sql = f"SELECT {_COLUMNS} FROM photo_positions"
    params: tuple[int, ...] = ()
    if photo_ids is not None:
        ids = tuple(dict.fromkeys(photo_ids))
        sql += f" WHERE photo_id IN ({', '.join('?' * len(ids))})" if ids else " WHERE 0"
        params = ids
    return dict(_position(row) for row in conn.execute(sql, params))


def set_position(uow: UnitOfWork, photo_id: int, new: AssignedPosition | None) -> bool:
    """Give a photo `new` (None: remove its assigned position), logged with the old one;
    returns whether anything changed. set_by/set_at are the unit's operator and now."""
    conn = uow.connection
    old = of_photos(conn, [photo_id]).get(photo_id)
    if new is None:
        if old is None:
            return False
        conn.execute("DELETE FROM photo_positions WHERE photo_id = ?", (photo_id,))
        uow.log.append(SET, {"old": old.values(), "new": None}, photo_id=photo_id)
        return True
    if not (-90 <= new.lat <= 90 and -180 <= new.lon <= 180):
        from catalog_app.errors import UsageError
        from catalog_app.i18n import _

        raise UsageError(_("{lat}, {lon} is not a position on Earth (latitude -90..90, "
                           "longitude -180..180).").format(lat=new.lat, lon=new.lon))
    v = {**new.values(), "set_by": uow.actor.operator, "set_at": now_utc()}
    if old is not None and (old.lat, old.lon, old.source.value, old.detail) == (
            v["lat"], v["lon"], v["source"], v["detail"]):
        return False
    conn.execute(
        "INSERT INTO photo_positions (photo_id, lat, lon, source, detail, track_sha256, set_by,"
        " set_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (photo_id) DO UPDATE SET"
        " lat = excluded.lat, lon = excluded.lon, source = excluded.source,"
        " detail = excluded.detail, track_sha256 = excluded.track_sha256,"
        " set_by = excluded.set_by, set_at = excluded.set_at",
        (photo_id, v["lat"], v["lon"], v["source"], v["detail"], v["track_sha256"],
         v["set_by"], v["set_at"]))
    uow.log.append(SET, {"old": old.values() if old else None, "new": v}, photo_id=photo_id)
    return True


def map_points(conn: sqlite3.Connection) -> tuple[list[tuple[int, float, float, str]],
                                                   list[tuple[int, str]]]:
    """Every photo's position for the map, (id, lat, lon, source: camera / track / hand), and
    the photos with none, (id, first source's file name), both in time order."""
    placed: list[tuple[int, float, float, str]] = []
    unplaced: list[tuple[int, str]] = []
    for pid, lat, lon, source, path in conn.execute(
            "SELECT p.id, coalesce(p.gps_lat, q.lat), coalesce(p.gps_lon, q.lon),"
            " CASE WHEN p.gps_lat IS NOT NULL AND p.gps_lon IS NOT NULL THEN 'camera'"
            " ELSE q.source END,"
            " CASE WHEN q.lat IS NULL AND (p.gps_lat IS NULL OR p.gps_lon IS NULL) THEN"
            " (SELECT path FROM sources s WHERE s.photo_id = p.id ORDER BY s.id LIMIT 1) END"
            " FROM photos p LEFT JOIN photo_positions q ON q.photo_id = p.id"
            " ORDER BY p.sort_time IS NULL, p.sort_time, p.id"):
        if source is None or lat is None or lon is None:
            unplaced.append((pid, (path or "").replace("\\", "/").rsplit("/", 1)[-1]))
        else:
            placed.append((pid, lat, lon, source))
    return placed, unplaced


class PositionsMixin:
    """Methods of Catalogue for assigned positions (the table above)."""

    _conn: sqlite3.Connection
    unit_of_work: Callable[[Actor], AbstractContextManager[UnitOfWork]]

    def assigned_positions(self, photo_ids: Sequence[int] | None = None
                           ) -> dict[int, AssignedPosition]:
        return of_photos(self._conn, photo_ids)

    def map_points(self) -> tuple[list[tuple[int, float, float, str]], list[tuple[int, str]]]:
        return map_points(self._conn)

    def set_positions(self, changes: Iterable[tuple[int, AssignedPosition | None]],
                      actor: Actor) -> dict[int, AssignedPosition | None]:
        """Set (or, with None, remove) several photos' positions in ONE unit of work; returns
        what each changed photo held before, for an undo to put back."""
        with self.unit_of_work(actor) as uow:
            changes = list(changes)
            photos.check_exist(uow.connection, [pid for pid, _ in changes])
            before = of_photos(uow.connection, [pid for pid, _ in changes])
            changed: dict[int, AssignedPosition | None] = {}
            for photo_id, new in changes:
                if set_position(uow, photo_id, new):
                    changed.setdefault(photo_id, before.get(photo_id))
            return changed
