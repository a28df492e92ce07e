"""The face_scans table: faces a detector proposed per photo, and the review of them (logged)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager

from catalog_app.core.custody import now_utc
from catalog_app.core.faces import Box, FaceScan, boxes_data, boxes_from, boxes_text
from catalog_app.core.models import Actor
from catalog_app.core.redaction import Region, Shape, Status
from catalog_app.db import photos
from catalog_app.db.unit_of_work import UnitOfWork
from catalog_app.errors import UsageError

SCANNED, REVIEWED, PUBLISHED_ANYWAY = "faces-scanned", "faces-reviewed", "faces-published-anyway"
_COLUMNS = ("photo_id, detector, detector_version, scanned_at, boxes, reviewed_by, reviewed_at,"
            " published_anyway_by, published_anyway_at")


class NotScanned(UsageError):
    """A review or "publish anyway" was asked of a photo no face scan has looked at."""

    def __init__(self, photo_id: int) -> None:
        super().__init__(f"Photo {photo_id} has not been scanned for faces, so there is nothing "
                         "to review; scan it first.")
        self.photo_id = photo_id


def record_scan(uow: UnitOfWork, photo_id: int, detector: str, version: str,
                boxes: Sequence[Box]) -> bool:
    """Store one photo's scan and log `faces-scanned`. A scan finding the same boxes as the
    stored one changes nothing (False); a different finding replaces it and clears the review,
    since what was reviewed is no longer what is proposed."""
    conn = uow.connection
    photos.check_exist(conn, [photo_id])
    data = boxes_data(boxes)
    text = boxes_text(data)
    old = conn.execute("SELECT boxes, detector_version FROM face_scans WHERE photo_id = ?",
                       (photo_id,)).fetchone()
    if old is not None and old == (text, version):
        return False
    at = now_utc()
    conn.execute(
        "INSERT INTO face_scans (photo_id, detector, detector_version, scanned_at, boxes, faces)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (photo_id) DO UPDATE SET detector = excluded."
        "detector, detector_version = excluded.detector_version, scanned_at = excluded."
        "scanned_at, boxes = excluded.boxes, faces = excluded.faces, reviewed_by = NULL,"
        " reviewed_at = NULL, published_anyway_by = NULL, published_anyway_at = NULL",
        (photo_id, detector, version, at, text, len(data)))
    uow.log.append(SCANNED, {"detector": detector, "version": version, "scanned_at": at,
                             "boxes": data, "faces": len(data),
                             "old_faces": len(json.loads(old[0])) if old else None},
                   photo_id=photo_id)
    return True


def decide(uow: UnitOfWork, photo_ids: Sequence[int], action: str) -> int:
    """Mark photos' proposals reviewed (REVIEWED) or to be published anyway
    (PUBLISHED_ANYWAY), each logged; returns how many changed (one already so is left)."""
    conn = uow.connection
    photos.check_exist(conn, photo_ids)
    column = "reviewed" if action == REVIEWED else "published_anyway"
    changed = 0
    for photo_id in dict.fromkeys(photo_ids):
        row = conn.execute(f"SELECT faces, {column}_at FROM face_scans WHERE photo_id = ?",
                           (photo_id,)).fetchone()
        if row is None:
            raise NotScanned(photo_id)
        if row[1] is not None:
            continue
        at = now_utc()
        conn.execute(f"UPDATE face_scans SET {column}_by = ?, {column}_at = ? WHERE photo_id = ?",
                     (uow.actor.operator, at, photo_id))
        uow.log.append(action, {f"{column}_at": at, "faces": row[0]}, photo_id=photo_id)
        changed += 1
    return changed


def scan_of(conn: sqlite3.Connection, photo_id: int) -> FaceScan | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM face_scans WHERE photo_id = ?",
                       (photo_id,)).fetchone()
    return _scan(row) if row else None


def _scan(row: tuple) -> FaceScan:
    pid, detector, version, at, boxes, r_by, r_at, p_by, p_at = row
    return FaceScan(pid, detector, version, at, tuple(boxes_from(json.loads(boxes))), r_by, r_at,
                    p_by, p_at)


def unreviewed(conn: sqlite3.Connection) -> list[int]:
    return [r[0] for r in conn.execute(
        "SELECT photo_id FROM face_scans WHERE faces > 0 AND reviewed_at IS NULL"
        " AND published_anyway_at IS NULL ORDER BY photo_id")]


def scanned_with(conn: sqlite3.Connection, version: str) -> set[int]:
    return {r[0] for r in conn.execute(
        "SELECT photo_id FROM face_scans WHERE detector_version = ?", (version,))}


class FacesMixin:
    """Methods of Catalogue for face proposals (the table above)."""

    _conn: sqlite3.Connection
    unit_of_work: Callable[[Actor], AbstractContextManager[UnitOfWork]]

    def record_face_scans(self, scans: Sequence[tuple[int, str, str, Sequence[Box]]],
                          actor: Actor) -> int:
        """(photo id, detector, version, boxes) of several photos in one unit of work;
        returns how many changed."""
        with self.unit_of_work(actor) as uow:
            changed = 0
            for photo_id, detector, version, boxes in scans:
                if record_scan(uow, photo_id, detector, version, boxes):
                    changed += 1
                    # each face becomes a proposed region the viewer shows dashed, to
                    # confirm (then it is applied when published) or dismiss
                    uow.redactions.propose(photo_id, [_proposal(b) for b in boxes])
            return changed

    def face_scan(self, photo_id: int) -> FaceScan | None:
        return scan_of(self._conn, photo_id)

    def face_proposals(self, photo_id: int) -> list[Box]:
        """The boxes the last scan proposed for the photo (none if never scanned)."""
        found = scan_of(self._conn, photo_id)
        return list(found.boxes) if found else []

    def faces_unreviewed(self) -> list[int]:
        """Photos with faces found and neither reviewed nor published anyway."""
        return unreviewed(self._conn)

    def faces_scanned_with(self, version: str) -> set[int]:
        return scanned_with(self._conn, version)

    def mark_faces_reviewed(self, photo_ids: Sequence[int], actor: Actor) -> int:
        with self.unit_of_work(actor) as uow:
            return decide(uow, photo_ids, REVIEWED)

    def publish_faces_anyway(self, photo_ids: Sequence[int], actor: Actor) -> int:
        with self.unit_of_work(actor) as uow:
            return decide(uow, photo_ids, PUBLISHED_ANYWAY)


def _proposal(box: Box) -> Region:
    """A face's box as a proposed ellipse, kept inside the photo."""
    x, y = max(0.0, min(box.x, 0.999)), max(0.0, min(box.y, 0.999))
    return Region(Shape.ELLIPSE, x, y, max(1e-6, min(box.w, 1 - x)),
                  max(1e-6, min(box.h, 1 - y)), status=Status.PROPOSED)
