"""The catalogue's tagging side: incidents, tags, captions, flags, keywords, camera clocks."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager

from catalog_app.core.models import Actor, Camera, Incident, Photo
from catalog_app.db import annotations, custody, incidents, queries
from catalog_app.errors import IncidentNotFound, PhotoNotFound


class TaggingMixin:
    """Methods of Catalogue that describe photos; every change goes into the custody log."""

    _conn: sqlite3.Connection
    _write: Callable[[], AbstractContextManager[sqlite3.Connection]]
    photo: Callable[[int], Photo]

    # -- incidents -----------------------------------------------------------------------
    def add_incident(self, incident: Incident, actor: Actor) -> int:
        with self._write() as conn:
            return incidents.add(conn, custody.CustodyWriter(conn, actor), incident)

    def edit_incident(self, incident_id: int, changes: dict, actor: Actor) -> None:
        if not incidents.exists(self._conn, incident_id):
            raise IncidentNotFound(incident_id)
        if changes:
            with self._write() as conn:
                incidents.edit(conn, custody.CustodyWriter(conn, actor), incident_id, changes)

    def incidents(self, include_archived: bool = False) -> list[Incident]:
        return incidents.listed(self._conn, include_archived)

    def tag(self, photo_ids: Sequence[int], incident_id: int | None, actor: Actor) -> int:
        """Put photos in one incident (None: untag them); unknown ids raise."""
        if incident_id is not None and not incidents.exists(self._conn, incident_id):
            raise IncidentNotFound(incident_id)
        missing = queries.missing_photo_ids(self._conn, photo_ids)
        if missing:
            raise PhotoNotFound(missing[0])
        with self._write() as conn:
            return incidents.tag(conn, custody.CustodyWriter(conn, actor), photo_ids,
                                 incident_id)

    def set_caption(self, photo_id: int, text: str, actor: Actor) -> bool:
        """Set the caption exactly as typed (old and new text go into the custody log)."""
        self.photo(photo_id)  # raises PhotoNotFound for an unknown id
        with self._write() as conn:
            return incidents.set_caption(conn, custody.CustodyWriter(conn, actor), photo_id,
                                         text)

    def merge_incidents(self, source: int, target: int, actor: Actor) -> int:
        for incident_id in (source, target):
            if not incidents.exists(self._conn, incident_id):
                raise IncidentNotFound(incident_id)
        if source == target:
            raise ValueError("an incident cannot be merged into itself")
        with self._write() as conn:
            return incidents.merge(conn, custody.CustodyWriter(conn, actor), source, target)

    def delete_incident(self, incident_id: int, actor: Actor) -> int:
        """Delete an incident (its photos are untagged, never deleted)."""
        if not incidents.exists(self._conn, incident_id):
            raise IncidentNotFound(incident_id)
        with self._write() as conn:
            return incidents.delete(conn, custody.CustodyWriter(conn, actor), incident_id)

    def incidents_of(self, photo_ids: Sequence[int]) -> dict[int, int | None]:
        return queries.incidents_of(self._conn, photo_ids)

    def set_captions(self, pairs: Sequence[tuple[int, str]], actor: Actor) -> int:
        """Set many captions in one transaction; returns how many changed."""
        self._check_photos([p for p, _ in pairs])
        with self._write() as conn:
            log = custody.CustodyWriter(conn, actor)
            return sum(incidents.set_caption(conn, log, p, text) for p, text in pairs)

    def set_flag(self, photo_ids: Sequence[int], flag: str, value: bool, actor: Actor) -> int:
        """Set graphic, restricted or caption_review on photos; returns how many changed."""
        self._check_photos(photo_ids)
        with self._write() as conn:
            return annotations.set_flag(conn, custody.CustodyWriter(conn, actor), photo_ids,
                                        flag, value)

    def change_keywords(self, photo_ids: Sequence[int], add: Sequence[str],
                        remove: Sequence[str], actor: Actor) -> int:
        self._check_photos(photo_ids)
        with self._write() as conn:
            return annotations.change_keywords(conn, custody.CustodyWriter(conn, actor),
                                               photo_ids, add, remove)

    def keywords(self) -> list[tuple[str, int]]:
        return annotations.all_keywords(self._conn)

    def set_clock(self, camera: Camera, offset_s: int | None, reason: str,
                  actor: Actor) -> int:
        with self._write() as conn:
            return annotations.set_clock(conn, custody.CustodyWriter(conn, actor), camera,
                                         offset_s, reason)

    def camera_clocks(self) -> list[tuple[Camera, int, int | None]]:
        return annotations.cameras_with_clocks(self._conn)

    def _check_photos(self, photo_ids: Sequence[int]) -> None:
        missing = queries.missing_photo_ids(self._conn, photo_ids)
        if missing:
            raise PhotoNotFound(missing[0])
