"""Which photos an export takes: the rules that keep unsafe photos out of public galleries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from catalog_app.core import dedup
from catalog_app.core.dedup import DuplicateGroup
from catalog_app.core.models import Photo
from catalog_app.db.interface import CatalogueStore
from catalog_app.errors import AppError, ExitCode

RESTRICTED = "restricted"
RESTRICTED_COPY = "copy of a restricted photo"
UNRESOLVED = "unresolved duplicate"
REDACTED_COPY = "copy of a redacted photo"
FACES_UNREVIEWED = "redaction not reviewed"  # faces found, neither reviewed nor published anyway
NO_PREVIEW = "no preview"  # photos.preview_missing: the original is kept, but nothing decodes
# reasons that keep a photo out for safety (not the person's own choice), with their plurals
WITHHELD = {RESTRICTED: ("restricted photo", "restricted photos"),
            RESTRICTED_COPY: ("copy of a restricted photo", "copies of restricted photos"),
            UNRESOLVED: ("unresolved duplicate", "unresolved duplicates"),
            REDACTED_COPY: ("copy of a redacted photo", "copies of redacted photos"),
            FACES_UNREVIEWED: ("redaction not reviewed (faces found)",
                               "redactions not reviewed (faces found)"),
            NO_PREVIEW: ("photo with no preview (nothing in it decodes; its original is kept)",
                         "photos with no preview (nothing in them decodes; their originals "
                         "are kept)")}


@dataclass(frozen=True, slots=True)
class Selection:
    """What a person asked to export. Empty tuples mean "no limit"."""

    incident_ids: tuple[int, ...] = ()
    photo_ids: tuple[int, ...] = ()
    date_from: date | None = None  # inclusive, on the local capture date (corrected)
    date_to: date | None = None
    include_untagged: bool = False
    include_restricted: bool = False  # evidence packages only, and only on purpose
    all_copies: bool = False  # galleries: every member of an unresolved duplicate group


@dataclass(slots=True)
class Chosen:
    photos: list[Photo] = field(default_factory=list)
    left_out: Counter = field(default_factory=Counter)  # reason -> count
    withheld: list[Photo] = field(default_factory=list)  # restricted, listed by hash only
    gated: int = 0  # published blurred behind the warning as copies of a graphic photo
    # packages and tables: a chosen copy of a restricted photo -> the restricted photos
    copies_of_restricted: dict[int, list[int]] = field(default_factory=dict)


def for_gallery(photos: list[Photo], selection: Selection,
                groups: Sequence[DuplicateGroup] = (),
                redacted: frozenset[int] = frozenset(),
                faces_unreviewed: Collection[int] = ()) -> Chosen:
    """Keepers only, never restricted nor a copy of a restricted photo; untagged only when asked.

    `groups` are the duplicate groups the window shows (core/dedup.find_groups with the similar
    tier): a photo sharing a group with a restricted photo is withheld until a person decides
    they are not duplicates; one sharing a group with a graphic photo is published as graphic
    (blurred, behind the warning); an unresolved near or same-pixels group publishes only its
    suggested keeper unless the selection asks for all copies. A copy of a photo with
    redaction regions (`redacted`) that has none of its own would show what they hide: it is
    withheld until it is redacted too or a person decides they are not duplicates. A photo in
    `faces_unreviewed` (faces found, not reviewed nor published anyway) is withheld as
    "redaction not reviewed"; one with no preview (nothing decodes, the original is kept) is
    withheld as such, not failed.
    """
    by_id = {p.id: p for p in photos}
    linked = copy_links(photos, groups)
    unresolved_copies: set[int] = set()
    for group in groups:
        if not group.resolved and group.kind not in ("similar", "same-bytes"):
            unresolved_copies |= {m.photo for m in group.members} - {group.keeper}
    chosen = Chosen()
    for photo in photos:
        reason = _asked_out(photo, selection)
        if reason is None and photo.duplicate_of is not None:
            reason = "marked as a duplicate of another photo"
        if reason is None and photo.restricted:
            reason = RESTRICTED
        if reason is None and photo.incident is None and not selection.include_untagged:
            reason = "not tagged to an incident"
        copies = [by_id[o] for o in linked.get(photo.id, ()) if o in by_id]
        if reason is None and any(o.restricted for o in copies):
            reason = RESTRICTED_COPY
        if reason is None and photo.id in unresolved_copies and not selection.all_copies:
            reason = UNRESOLVED
        if reason is None and photo.id not in redacted and any(o.id in redacted
                                                               for o in copies):
            reason = REDACTED_COPY
        if reason is None and photo.id in faces_unreviewed:
            reason = FACES_UNREVIEWED
        if reason is None and photo.preview_missing is not None:
            reason = NO_PREVIEW  # nothing to show: withheld, not failed (its original is kept)
        if reason is not None:
            chosen.left_out[reason] += 1
            continue
        if not photo.graphic and any(o.graphic for o in copies):
            photo = replace(photo, graphic=True)
            chosen.gated += 1
        chosen.photos.append(photo)
    return chosen


def copy_groups(catalogue: CatalogueStore) -> list[DuplicateGroup]:
    """The duplicate groups the window shows (with the similar tier and the second stage, so a
    crop or a screenshot of a restricted photo is withheld with it), as exports weigh them."""
    return dedup.find_groups(catalogue.duplicate_inputs(), dedup.DEFAULT_THRESHOLD,
                             catalogue.duplicate_decisions(), similar=True,
                             verify=dedup.thumbnail_verifier(catalogue.layout.resolve))


def copy_links(photos: Sequence[Photo], groups: Sequence[DuplicateGroup]) -> dict[int, set[int]]:
    """Photo id -> the photos it is a copy of, or copied by: the members of its near,
    same-pixels and similar groups a person has not split, and the links a person made
    (counted even if the hashes drifted apart)."""
    linked: dict[int, set[int]] = {}
    for group in groups:
        if group.kind == "same-bytes":
            continue
        ids = {m.photo for m in group.members}
        for member in ids:
            linked.setdefault(member, set()).update(ids - {member})
    for photo in photos:
        if photo.duplicate_of is not None:
            linked.setdefault(photo.id, set()).add(photo.duplicate_of)
            linked.setdefault(photo.duplicate_of, set()).add(photo.id)
    return linked


def restricted_copies(photos: Sequence[Photo], groups: Sequence[DuplicateGroup]
                      ) -> dict[int, list[int]]:
    """Each photo that is not restricted itself but is a copy of a restricted one (see
    copy_links) -> the restricted photos it copies, in id order."""
    restricted = {p.id for p in photos if p.restricted}
    found: dict[int, list[int]] = {}
    for photo_id, others in copy_links(photos, groups).items():
        if photo_id not in restricted and others & restricted:
            found[photo_id] = sorted(others & restricted)
    return found


def withheld_sentence(left_out: dict[str, int]) -> str:
    """"3 photos withheld: 2 copies of restricted photos, 1 unresolved duplicate" (or "")."""
    parts = [(left_out[r], WITHHELD[r][left_out[r] != 1]) for r in WITHHELD if left_out.get(r)]
    total = sum(n for n, _ in parts)
    if not total:
        return ""
    listed = ", ".join(f"{n} {what}" for n, what in parts)
    return f"{total} photo{'s' * (total != 1)} withheld: {listed}"


def for_package(photos: list[Photo], selection: Selection,
                groups: Sequence[DuplicateGroup] = ()) -> Chosen:
    """The chosen photos with every linked duplicate of them; restricted ones, and copies of
    restricted ones (as galleries weigh them: `groups` with the similar tier, and links a
    person made), only on purpose (`include_restricted`); the others are `withheld`."""
    chosen = Chosen()
    by_id = {p.id: p for p in photos}
    picked = {p.id for p in photos if _asked_out(p, selection) is None
              and (p.incident is not None or selection.include_untagged
                   or bool(selection.photo_ids))}
    picked |= {p.id for p in photos if p.duplicate_of in picked}  # copies follow their keeper
    copies_of = restricted_copies(photos, groups)
    for photo_id in sorted(picked, key=lambda i: _order(by_id[i])):
        photo = by_id[photo_id]
        reason = RESTRICTED if photo.restricted else (
            RESTRICTED_COPY if photo_id in copies_of else None)
        if reason is not None and not selection.include_restricted:
            chosen.withheld.append(photo)
            chosen.left_out[reason] += 1
        else:
            chosen.photos.append(photo)
    chosen.copies_of_restricted = {i: copies_of[i] for i in picked if i in copies_of}
    return chosen


def _order(photo: Photo) -> tuple:
    when = photo.best_time
    return (when is None, when.isoformat() if when else "", photo.id)


def _asked_out(photo: Photo, selection: Selection) -> str | None:
    """Why the person's own choice leaves this photo out, or None."""
    if selection.photo_ids and photo.id not in selection.photo_ids:
        return "not in the selection"
    if selection.incident_ids and photo.incident is not None \
            and photo.incident[0] not in selection.incident_ids:
        return "in another incident"  # (untagged photos go by include_untagged)
    if selection.date_from or selection.date_to:
        when = photo.best_time
        if when is None:
            return "no capture date"
        if selection.date_from and when.date() < selection.date_from:
            return "outside the dates"
        if selection.date_to and when.date() > selection.date_to:
            return "outside the dates"
    return None


class NothingToPublish(AppError):
    """The export would publish no photo at all; nothing was written."""

    exit_code = ExitCode.SOME_FAILED

    def __init__(self, left_out: dict[str, int]) -> None:
        why = "; ".join(f"{n} {reason}" for reason, n in sorted(left_out.items()))
        super().__init__("Nothing to publish: no chosen photo may go into a gallery"
                         + (f" ({why})" if why else " (the catalogue has no photos)")
                         + "; nothing was written.")
        self.left_out = dict(left_out)
