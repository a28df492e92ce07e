"""The redactions table: regions hidden in published derivatives, each change logged."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager

from catalog_app.core.models import Actor
from catalog_app.core.redaction import Region, Status, from_values
from catalog_app.db.custody import CustodyWriter, now_utc
from catalog_app.errors import NotFound

_COLUMNS = "id, photo_id, shape, x, y, w, h, method, status, created_by, created_at"


class RedactionNotFound(NotFound):
    def __init__(self, redaction_id: int) -> None:
        super().__init__(f"There is no redaction region {redaction_id} in this catalogue.")


def _region(row: tuple) -> tuple[int, Region]:
    rid, photo_id, shape, x, y, w, h, method, status, by, at = row
    return photo_id, from_values({"shape": shape, "x": x, "y": y, "w": w, "h": h,
                                  "method": method, "status": status},
                                 id=rid, created_by=by, created_at=at)


def of_photos(conn: sqlite3.Connection, photo_ids: Sequence[int] | None = None
              ) -> dict[int, tuple[Region, ...]]:
    """Each photo's regions (all of them, proposed ones too), oldest first."""
    sql = f"SELECT {_COLUMNS} FROM redactions"
    params: tuple = ()
    if photo_ids is not None:
        ids = list(dict.fromkeys(photo_ids))
        sql += f" WHERE photo_id IN ({', '.join('?' * len(ids))})" if ids else " WHERE 0"
        params = tuple(ids)
    found: dict[int, list[Region]] = {}
    for row in conn.execute(sql + " ORDER BY id", params):
        photo_id, region = _region(row)
        found.setdefault(photo_id, []).append(region)
    return {pid: tuple(regions) for pid, regions in found.items()}


def get(conn: sqlite3.Connection, redaction_id: int) -> tuple[int, Region]:
    row = conn.execute(f"SELECT {_COLUMNS} FROM redactions WHERE id = ?",
                       (redaction_id,)).fetchone()
    if row is None:
        raise RedactionNotFound(redaction_id)
    return _region(row)


def add(conn: sqlite3.Connection, log: CustodyWriter, photo_id: int, region: Region) -> int:
    """Store a region on a photo (its id is new); the entry carries the whole region."""
    at = now_utc()
    v = region.values()
    cursor = conn.execute(
        "INSERT INTO redactions (photo_id, shape, x, y, w, h, method, status, created_by,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (photo_id, v["shape"], v["x"], v["y"], v["w"], v["h"], v["method"], v["status"],
         log.operator, at))
    redaction_id = int(cursor.lastrowid or 0)
    log.append("redaction-added", {"redaction": redaction_id, "region": v, "created_at": at},
               photo_id=photo_id)
    return redaction_id


def remove(conn: sqlite3.Connection, log: CustodyWriter, redaction_id: int,
           reason: str = "removed") -> Region:
    """Delete a region (the log keeps what it was); returns it."""
    photo_id, region = get(conn, redaction_id)
    conn.execute("DELETE FROM redactions WHERE id = ?", (redaction_id,))
    log.append("redaction-removed", {"redaction": redaction_id, "region": region.values(),
                                     "reason": reason}, photo_id=photo_id)
    return region


def set_status(conn: sqlite3.Connection, log: CustodyWriter, redaction_id: int,
               status: Status) -> bool:
    """Confirm a proposed region (or put it back to proposed); returns whether it changed."""
    photo_id, region = get(conn, redaction_id)
    if region.status is status:
        return False
    conn.execute("UPDATE redactions SET status = ? WHERE id = ?", (status.value, redaction_id))
    log.append("redaction-reviewed", {"redaction": redaction_id, "old": region.status.value,
                                      "new": status.value}, photo_id=photo_id)
    return True


class RedactionsMixin:
    """Methods of Catalogue for redaction regions: reads, and single changes (one unit each)."""

    _conn: sqlite3.Connection
    unit_of_work: Callable[[Actor], AbstractContextManager]

    def redactions(self, photo_ids: Sequence[int] | None = None
                   ) -> dict[int, tuple[Region, ...]]:
        return of_photos(self._conn, photo_ids)

    def add_redaction(self, photo_id: int, region: Region, actor: Actor) -> int:
        with self.unit_of_work(actor) as uow:
            return uow.redactions.add(photo_id, region)

    def remove_redaction(self, redaction_id: int, actor: Actor,
                         reason: str = "removed") -> Region:
        with self.unit_of_work(actor) as uow:
            return uow.redactions.remove(redaction_id, reason)

    def replace_redaction(self, redaction_id: int, region: Region, actor: Actor,
                          reason: str = "replaced") -> int:
        """Put `region` (its new method or box, say) in the place of a stored one, the old one
        logged as removed for `reason` ("moved", say); returns its id."""
        with self.unit_of_work(actor) as uow:
            photo_id = get(self._conn, redaction_id)[0]
            uow.redactions.remove(redaction_id, reason)
            return uow.redactions.add(photo_id, region)

    def review_redaction(self, redaction_id: int, status: Status, actor: Actor) -> bool:
        with self.unit_of_work(actor) as uow:
            return uow.redactions.set_status(redaction_id, status)
