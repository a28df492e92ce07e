"""Which photos an export takes: the rules that keep unsafe photos out of public galleries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from catalog_app.core.models import Photo


@dataclass(frozen=True, slots=True)
class Selection:
    """What a person asked to export. Empty tuples mean "no limit"."""

    incident_ids: tuple[int, ...] = ()
    photo_ids: tuple[int, ...] = ()
    date_from: date | None = None  # inclusive, on the local capture date (corrected)
    date_to: date | None = None
    include_untagged: bool = False
    include_restricted: bool = False  # evidence packages only, and only on purpose


@dataclass(slots=True)
class Chosen:
    photos: list[Photo] = field(default_factory=list)
    left_out: Counter = field(default_factory=Counter)  # reason -> count
    withheld: list[Photo] = field(default_factory=list)  # restricted, listed by hash only


def for_gallery(photos: list[Photo], selection: Selection) -> Chosen:
    """Keepers only, never restricted; untagged only when asked."""
    chosen = Chosen()
    for photo in photos:
        reason = _asked_out(photo, selection)
        if reason is None and photo.duplicate_of is not None:
            reason = "marked as a duplicate of another photo"
        if reason is None and photo.restricted:
            reason = "restricted"
        if reason is None and photo.incident is None and not selection.include_untagged:
            reason = "not tagged to an incident"
        if reason is None:
            chosen.photos.append(photo)
        else:
            chosen.left_out[reason] += 1
    return chosen


def for_package(photos: list[Photo], selection: Selection) -> Chosen:
    """The chosen photos with every linked duplicate of them; restricted ones only on purpose."""
    chosen = Chosen()
    by_id = {p.id: p for p in photos}
    picked = {p.id for p in photos if _asked_out(p, selection) is None
              and (p.incident is not None or selection.include_untagged
                   or bool(selection.photo_ids))}
    picked |= {p.id for p in photos if p.duplicate_of in picked}  # copies follow their keeper
    for photo_id in sorted(picked, key=lambda i: _order(by_id[i])):
        photo = by_id[photo_id]
        if photo.restricted and not selection.include_restricted:
            chosen.withheld.append(photo)
            chosen.left_out["restricted"] += 1
        else:
            chosen.photos.append(photo)
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
