"""One unit of work: a write transaction, its custody log writer, and the repositories on it.

Every change a use case makes goes through one of these, so it is written with its custody
entries in one transaction: a crash keeps all of it or none. Validation (does the photo, the
incident exist?) runs inside the transaction, after the write lock is taken.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from catalog_app.core.models import Actor, Camera, Flag, Incident, Photo
from catalog_app.core.redaction import Region, Status
from catalog_app.db import duplicates, incidents, photo_annotations, photos, queries, redactions
from catalog_app.db.custody import CustodyWriter
from catalog_app.errors import IncidentNotFound, UsageError
from catalog_app.i18n import _


class _Repository:
    """A repository works on the unit's connection and logs through the unit's writer."""

    def __init__(self, conn: sqlite3.Connection, log: CustodyWriter) -> None:
        self._conn = conn
        self._log = log


class PhotoRepository(_Repository):
    def get(self, photo_id: int) -> Photo:
        return photos.get(self._conn, photo_id)

    def check_exist(self, photo_ids: Sequence[int]) -> None:
        photos.check_exist(self._conn, photo_ids)

    def incidents_of(self, photo_ids: Sequence[int]) -> dict[int, int | None]:
        return queries.incidents_of(self._conn, photo_ids)


class IncidentRepository(_Repository):
    def get(self, incident_id: int) -> Incident:
        for incident in incidents.listed(self._conn, include_archived=True):
            if incident.id == incident_id:
                return incident
        raise IncidentNotFound(incident_id)

    def listed(self, include_archived: bool = False) -> list[Incident]:
        return incidents.listed(self._conn, include_archived)

    def check_exists(self, incident_id: int) -> None:
        if not incidents.exists(self._conn, incident_id):
            raise IncidentNotFound(incident_id)

    def add(self, incident: Incident) -> int:
        return incidents.add(self._conn, self._log, incident)

    def edit(self, incident_id: int, changes: dict[str, Any]) -> None:
        self.check_exists(incident_id)
        if changes:
            incidents.edit(self._conn, self._log, incident_id, changes)

    def tag(self, photo_ids: Sequence[int], incident_id: int | None) -> int:
        """Put photos in one incident (None: untag them); unknown ids raise."""
        if incident_id is not None:
            self.check_exists(incident_id)
        photos.check_exist(self._conn, photo_ids)
        return incidents.tag(self._conn, self._log, photo_ids, incident_id)

    def merge(self, source: int, target: int) -> int:
        for incident_id in (source, target):
            self.check_exists(incident_id)
        if source == target:
            raise UsageError(_("An incident cannot be merged into itself."))
        return incidents.merge(self._conn, self._log, source, target)

    def delete(self, incident_id: int) -> int:
        self.check_exists(incident_id)
        return incidents.delete(self._conn, self._log, incident_id)


class AnnotationRepository(_Repository):
    """Captions, flags, keywords and camera clock corrections."""

    def set_caption(self, photo_id: int, text: str) -> bool:
        photos.check_exist(self._conn, [photo_id])
        return incidents.set_caption(self._conn, self._log, photo_id, text)

    def set_captions(self, pairs: Sequence[tuple[int, str]]) -> int:
        photos.check_exist(self._conn, [p for p, _ in pairs])
        return sum(incidents.set_caption(self._conn, self._log, p, text) for p, text in pairs)

    def set_flag(self, photo_ids: Sequence[int], flag: Flag | str, value: bool) -> int:
        if flag not in tuple(Flag):
            raise UsageError(_("There is no flag {flag}; the flags are {flags}.").format(
                flag=repr(flag), flags=", ".join(f.value for f in Flag)))
        photos.check_exist(self._conn, photo_ids)
        return photo_annotations.set_flag(self._conn, self._log, photo_ids, Flag(flag),
                                          value)

    def change_keywords(self, photo_ids: Sequence[int], add: Sequence[str],
                        remove: Sequence[str]) -> int:
        photos.check_exist(self._conn, photo_ids)
        return photo_annotations.change_keywords(self._conn, self._log, photo_ids, add,
                                                 remove)

    def set_clock(self, camera: Camera, offset_s: int | None, reason: str) -> int:
        return photo_annotations.set_clock(self._conn, self._log, camera, offset_s, reason)


class DuplicateRepository(_Repository):
    def set_hashes(self, values: Sequence[tuple[int, bytes, str | None]]) -> None:
        for photo_id, canonical, pixel_hash in values:
            duplicates.set_hashes(self._conn, self._log, photo_id, canonical, pixel_hash)

    def mark(self, keeper: int, members: Sequence[tuple[int, str, int]]) -> None:
        """Keep `keeper`; link the other (photo, kind, distance) members to it."""
        photos.check_exist(self._conn, [keeper, *(m[0] for m in members)])
        duplicates.mark(self._conn, self._log, keeper, members, self._log.operator)

    def unmark(self, photo_ids: Sequence[int]) -> None:
        photos.check_exist(self._conn, photo_ids)
        duplicates.unmark(self._conn, self._log, photo_ids, self._log.operator)


class RedactionRepository(_Repository):
    """Redaction regions: added (confirmed, or proposed by face detection), reviewed, removed."""

    def add(self, photo_id: int, region: Region) -> int:
        photos.check_exist(self._conn, [photo_id])
        return redactions.add(self._conn, self._log, photo_id, region)

    def propose(self, photo_id: int, found: Sequence[Region]) -> list[int]:
        """Store what a face detector found as proposed regions, but for boxes the photo
        already holds (a second run proposes nothing twice); returns the new ids."""
        photos.check_exist(self._conn, [photo_id])
        held = {_geometry(r) for r in redactions.of_photos(self._conn, [photo_id]).get(
            photo_id, ())}
        added = []
        for region in found:
            if _geometry(region) not in held:
                held.add(_geometry(region))
                added.append(redactions.add(self._conn, self._log, photo_id,
                                            region.with_status(Status.PROPOSED)))
        return added

    def remove(self, redaction_id: int, reason: str = "removed") -> Region:
        return redactions.remove(self._conn, self._log, redaction_id, reason)

    def set_status(self, redaction_id: int, status: Status) -> bool:
        return redactions.set_status(self._conn, self._log, redaction_id, status)

    def of_photos(self, photo_ids: Sequence[int]) -> dict[int, tuple[Region, ...]]:
        return redactions.of_photos(self._conn, photo_ids)


def _geometry(region: Region) -> tuple:
    return (region.shape, round(region.x, 4), round(region.y, 4), round(region.w, 4),
            round(region.h, 4))


class UnitOfWork:
    """What a use case writes through; made by Catalogue.unit_of_work(actor)."""

    def __init__(self, conn: sqlite3.Connection, actor: Actor) -> None:
        self.actor = actor
        self.log = CustodyWriter(conn, actor)
        self.photos = PhotoRepository(conn, self.log)
        self.incidents = IncidentRepository(conn, self.log)
        self.annotations = AnnotationRepository(conn, self.log)
        self.duplicates = DuplicateRepository(conn, self.log)
        self.redactions = RedactionRepository(conn, self.log)
        self._conn = conn

    @property
    def connection(self) -> sqlite3.Connection:
        """The transaction's connection, for db/ modules only (they hold the SQL)."""
        return self._conn

    def record_event(self, action: str, details: dict[str, Any],
                     photo_id: int | None = None) -> str:
        """Append an action that changes no row (a verification, an export) to the log."""
        return self.log.append(action, details, photo_id=photo_id)
