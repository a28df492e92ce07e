"""Tagging use cases both faces call: template captions, suggestions, undoing a tag or caption."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from catalog_app.core import captions, suggest
from catalog_app.core.models import Actor, Flag
from catalog_app.db.interface import CatalogueStore
from catalog_app.errors import UsageError
from catalog_app.i18n import _


class CaptionChangedSince(UsageError):
    """An undo (or redo) of a caption found a caption that changed after that edit."""


@dataclass(frozen=True, slots=True)
class TemplateResult:
    """What a template caption did: captions changed, photos given one, marked for review."""

    changed: int
    photos: int
    marked_for_review: int
    before: tuple[tuple[int, str], ...] = ()  # each photo's caption before the template
    after: tuple[tuple[int, str], ...] = ()  # the caption the template gave it
    newly_marked: tuple[int, ...] = ()  # photos that were not marked for review before


def caption_from_template(catalogue: CatalogueStore, photo_ids: Sequence[int], template: str,
                          actor: Actor) -> TemplateResult:
    """Caption each photo from `template` and mark it for review, in one unit of work.

    A caption made by a template is a draft, so it always needs a person's review before it is
    published. {incident} is the photo's incident's name, archived or not: the photo still
    documents that incident. Raises BadTemplate before anything is written.
    """
    captions.check(template)
    ids = list(dict.fromkeys(photo_ids))
    with catalogue.unit_of_work(actor) as uow:
        uow.photos.check_exist(ids)
        photos = [uow.photos.get(i) for i in ids]
        incidents = {i.id: i for i in uow.incidents.listed(include_archived=True)}
        pairs = captions.render(template, photos, incidents)
        changed = uow.annotations.set_captions(pairs)
        marked = uow.annotations.set_flag(ids, Flag.CAPTION_REVIEW, True)
    return TemplateResult(changed, len(pairs), marked,
                          tuple((p.id, p.caption) for p in photos), tuple(pairs),
                          tuple(p.id for p in photos if not p.caption_review))


def restore_captions(catalogue: CatalogueStore, expected: Mapping[int, str],
                     captions_to_set: Mapping[int, str], actor: Actor,
                     review: tuple[Sequence[int], bool] | None = None) -> int:
    """Set captions back (undo) or again (redo), only where each is still what that change
    left: otherwise nothing is written and CaptionChangedSince says which photo changed.

    `review` (photo ids, value) also sets their "caption needs review" mark, as a template
    caption did. One unit of work; returns how many captions changed.
    """
    with catalogue.unit_of_work(actor) as uow:
        uow.photos.check_exist(list(expected))
        for photo_id, caption in expected.items():
            if uow.photos.get(photo_id).caption != caption:
                raise CaptionChangedSince(_(
                    "The caption of photo {id} was changed after that edit, so it was "
                    "left as it is now.").format(id=photo_id))
        changed = uow.annotations.set_captions(list(captions_to_set.items()))
        if review is not None and review[0]:
            uow.annotations.set_flag(review[0], Flag.CAPTION_REVIEW, review[1])
    return changed


def suggestions(catalogue: CatalogueStore) -> list[suggest.Suggestion]:
    """Incidents suggested for untagged photos (area and dates, same camera minutes apart)."""
    return suggest.suggest(catalogue.photos(), catalogue.incidents())


def first_choices(found: Sequence[suggest.Suggestion]) -> dict[int, int]:
    """Each photo's first suggestion: photo id -> incident id."""
    first: dict[int, int] = {}
    for item in found:
        first.setdefault(item.photo, item.incident)
    return first


def apply_suggestions(catalogue: CatalogueStore, chosen: Mapping[int, int], actor: Actor) -> int:
    """Tag each photo to the incident chosen for it, all in one unit of work."""
    return assign_incidents(catalogue, chosen, actor)


def assign_incidents(catalogue: CatalogueStore, assignments: Mapping[int, int | None],
                     actor: Actor) -> int:
    """Put each photo in its own incident (None: untagged), in one unit of work.

    Undo uses it to put a selection back where each photo was; returns how many changed.
    """
    by_incident: dict[int | None, list[int]] = {}
    for photo, incident in assignments.items():
        by_incident.setdefault(incident, []).append(photo)
    with catalogue.unit_of_work(actor) as uow:
        return sum(uow.incidents.tag(photos, incident)
                   for incident, photos in by_incident.items())
