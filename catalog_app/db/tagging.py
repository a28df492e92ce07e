"""The catalogue's tagging side: incidents, tags, captions, flags, keywords, camera clocks.

Each method is one unit of work; a use case that makes several changes at once opens its own
(`with catalogue.unit_of_work(actor) as uow:`) and calls the repositories on it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager

from catalog_app.core.models import Actor, Camera, Flag, Incident
from catalog_app.db import incidents, photo_annotations, queries
from catalog_app.db.unit_of_work import UnitOfWork


class TaggingMixin:
    """Methods of Catalogue that describe photos; every change goes into the custody log."""

    _conn: sqlite3.Connection
    unit_of_work: Callable[[Actor], AbstractContextManager[UnitOfWork]]

    # -- incidents -----------------------------------------------------------------------
    def add_incident(self, incident: Incident, actor: Actor) -> int:
        with self.unit_of_work(actor) as uow:
            return uow.incidents.add(incident)

    def edit_incident(self, incident_id: int, changes: dict, actor: Actor) -> None:
        with self.unit_of_work(actor) as uow:
            uow.incidents.edit(incident_id, changes)

    def incidents(self, include_archived: bool = False) -> list[Incident]:
        return incidents.listed(self._conn, include_archived)

    def tag(self, photo_ids: Sequence[int], incident_id: int | None, actor: Actor) -> int:
        """Put photos in one incident (None: untag them); unknown ids raise."""
        with self.unit_of_work(actor) as uow:
            return uow.incidents.tag(photo_ids, incident_id)

    def set_caption(self, photo_id: int, text: str, actor: Actor) -> bool:
        """Set the caption exactly as typed (old and new text go into the custody log)."""
        with self.unit_of_work(actor) as uow:
            return uow.annotations.set_caption(photo_id, text)

    def merge_incidents(self, source: int, target: int, actor: Actor) -> int:
        with self.unit_of_work(actor) as uow:
            return uow.incidents.merge(source, target)

    def delete_incident(self, incident_id: int, actor: Actor) -> int:
        """Delete an incident (its photos are untagged, never deleted)."""
        with self.unit_of_work(actor) as uow:
            return uow.incidents.delete(incident_id)

    def incidents_of(self, photo_ids: Sequence[int]) -> dict[int, int | None]:
        return queries.incidents_of(self._conn, photo_ids)

    def set_captions(self, pairs: Sequence[tuple[int, str]], actor: Actor) -> int:
        """Set many captions in one transaction; returns how many changed."""
        with self.unit_of_work(actor) as uow:
            return uow.annotations.set_captions(pairs)

    def set_flag(self, photo_ids: Sequence[int], flag: Flag | str, value: bool,
                 actor: Actor) -> int:
        """Set graphic, restricted or caption_review on photos; returns how many changed."""
        with self.unit_of_work(actor) as uow:
            return uow.annotations.set_flag(photo_ids, flag, value)

    def change_keywords(self, photo_ids: Sequence[int], add: Sequence[str],
                        remove: Sequence[str], actor: Actor) -> int:
        with self.unit_of_work(actor) as uow:
            return uow.annotations.change_keywords(photo_ids, add, remove)

    def keywords(self) -> list[tuple[str, int]]:
        return photo_annotations.all_keywords(self._conn)

    def set_clock(self, camera: Camera, offset_s: int | None, reason: str,
                  actor: Actor) -> int:
        with self.unit_of_work(actor) as uow:
            return uow.annotations.set_clock(camera, offset_s, reason)

    def camera_clocks(self) -> list[tuple[Camera, int, int | None]]:
        return photo_annotations.cameras_with_clocks(self._conn)
