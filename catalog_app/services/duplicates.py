"""Duplicate actions shared by the command line and the window: list, resolve, accept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from catalog_app.core import dedup, imaging
from catalog_app.core.hashes import pack_hashes
from catalog_app.core.models import Actor, Flag
from catalog_app.db.interface import CatalogueStore
from catalog_app.errors import GroupNotFound, UnreadableImage, UsageError
from catalog_app.i18n import _


class NotInGroup(UsageError, ValueError):
    """The keeper asked for is not a member of the group."""

    def __init__(self, photo_id: int, group_id: int) -> None:
        super().__init__(f"Photo {photo_id} is not in duplicate group {group_id}.")


def groups(catalogue: CatalogueStore, threshold: int = dedup.DEFAULT_THRESHOLD,
           similar: bool = False) -> list[dedup.DuplicateGroup]:
    return dedup.find_groups(catalogue.duplicate_inputs(), threshold,
                             catalogue.duplicate_decisions(), similar=similar,
                             verify=second_stage(catalogue))


def second_stage(catalogue: CatalogueStore) -> dedup.Verify:
    """Confirm a candidate pair by local features of the two stored thumbnails."""
    return dedup.thumbnail_verifier(catalogue.layout.resolve)


def find_group(catalogue: CatalogueStore, group_id: int, threshold: int,
               similar: bool = True) -> dedup.DuplicateGroup:
    for group in groups(catalogue, threshold, similar):
        if group.id == group_id and group.kind != "same-bytes":
            return group
    raise GroupNotFound(group_id)


class MetadataConflict(UsageError, ValueError):
    """Members carry metadata that cannot be merged without a person choosing."""


def merge_metadata(catalogue: CatalogueStore, group: dedup.DuplicateGroup, actor: Actor) -> str:
    """Carry the copies' incident, caption, keywords and flags over to the keeper.

    Returns what was done, as sentences. The keeper's own incident and caption win; copies
    that disagree with each other are a conflict for a person to settle, never a guess (and
    then nothing at all is changed). Keywords are united; a copy marked graphic or restricted
    makes the keeper so too, because the same picture needs the same care.
    """
    with catalogue.unit_of_work(actor) as uow:  # all of the merge, or none of it
        photos = [uow.photos.get(m.photo) for m in group.members]
        keeper = next(p for p in photos if p.id == group.keeper)
        copies = [p for p in photos if p.id != keeper.id]
        incidents = {p.incident for p in copies if p.incident is not None}
        captions = {p.caption for p in copies if p.caption}
        if keeper.incident is None and len(incidents) > 1:
            names = ", ".join(sorted(name for _, name in incidents))
            raise MetadataConflict(_("The copies are tagged to different incidents ({names}); "
                                     "tag the keeper yourself.").format(names=names))
        if not keeper.caption and len(captions) > 1:
            raise MetadataConflict(_("The copies have different captions; write the keeper's "
                                     "caption yourself."))
        done = []
        if keeper.incident is None and incidents:
            (incident_id, name), = incidents
            uow.incidents.tag([keeper.id], incident_id)
            done.append(f"tagged to {name}")
        if not keeper.caption and captions:
            uow.annotations.set_caption(keeper.id, next(iter(captions)))
            done.append("given its copies' caption")
        keywords = sorted({k for p in copies for k in p.keywords} - set(keeper.keywords))
        if keywords:
            uow.annotations.change_keywords([keeper.id], keywords, [])
            done.append(f"given the keywords {', '.join(keywords)}")
        for flag in (Flag.GRAPHIC, Flag.RESTRICTED):
            if not getattr(keeper, flag) and any(getattr(p, flag) for p in copies):
                uow.annotations.set_flag([keeper.id], flag, True)
                done.append(f"marked {flag.label}")
    if not done:
        return "The copies carry nothing the keeper lacks; nothing was changed."
    return "The keeper was " + "; ".join(done) + ", as its copies were."


def keep(catalogue: CatalogueStore, group: dedup.DuplicateGroup, keeper: int, actor: Actor) -> None:
    """Keep `keeper`; every other member becomes a linked, hidden duplicate of it."""
    if keeper not in {m.photo for m in group.members}:
        raise NotInGroup(keeper, group.id)
    inputs = {p.id: p for p in catalogue.duplicate_inputs([m.photo for m in group.members])}
    members = [(m.photo, group.kind, dedup.hash_distance(inputs[keeper], inputs[m.photo]))
               for m in group.members]
    catalogue.mark_duplicates(keeper, members, actor)


def not_duplicates(catalogue: CatalogueStore, group: dedup.DuplicateGroup, actor: Actor) -> None:
    """Remember that these photos are distinct: the group never comes back."""
    catalogue.mark_not_duplicates([m.photo for m in group.members], actor)


def accept_suggested(catalogue: CatalogueStore, max_distance: int, actor: Actor,
                     threshold: int = dedup.DEFAULT_THRESHOLD) -> int:
    """Keep the suggested keeper of every unresolved group whose members are all within
    `max_distance` of it (the similar tier is never accepted in bulk); returns how many."""
    accepted = 0
    for group in acceptable(catalogue, max_distance, threshold):
        keep(catalogue, group, group.keeper, actor)
        accepted += 1
    return accepted


def acceptable(catalogue: CatalogueStore, max_distance: int,
               threshold: int = dedup.DEFAULT_THRESHOLD) -> list[dedup.DuplicateGroup]:
    """The groups accept_suggested would accept (a face asks before, saying how many)."""
    return [group for group in groups(catalogue, threshold)
            if group.kind in {"near", "same-pixels"} and not group.resolved
            and group.max_distance <= max_distance]


def ensure_hashes(catalogue: CatalogueStore) -> int:
    """Backfill every photo that lacks duplicate hashes; returns how many were done."""
    progress = list(backfill_hashes(catalogue))
    return progress[-1][0] if progress else 0


def backfill_hashes(catalogue: CatalogueStore) -> Iterator[tuple[int, int]]:
    """Give photos imported before schema 3 their duplicate hashes; yields (done, total).

    Reads each stored original once, as an import would.
    """
    missing = catalogue.photos_missing_hashes()
    batch = []
    for done, (photo_id, stored) in enumerate(missing, start=1):
        try:
            rendition = imaging.analyse_image(Path(catalogue.layout.resolve(stored)).read_bytes())
            batch.append((photo_id, pack_hashes(rendition.canonical_phashes),
                          rendition.pixel_hash))
        except (OSError, UnreadableImage):
            batch.append((photo_id, b"", None))  # unreadable now: verify will say why
        if len(batch) >= 200 or done == len(missing):
            catalogue.set_duplicate_hashes(batch)
            batch.clear()
        yield done, len(missing)
