"""Merging metadata into the keeper: the incident travels; a conflict is left to a person."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog_app.core.models import Incident
from catalog_app.services import duplicates as duplicate_service
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "photos"


@pytest.fixture
def demo(new_catalogue):
    list(ImportJob(new_catalogue, [str(SAMPLE)], ACTOR, workers=0).run())
    groups = [g for g in duplicate_service.groups(new_catalogue) if g.kind == "near"]
    return new_catalogue, groups


def test_the_copies_incident_moves_to_the_keeper(demo) -> None:
    catalogue, groups = demo
    group = groups[0]
    copy = next(m.photo for m in group.members if m.photo != group.keeper)
    site = catalogue.add_incident(Incident(0, "Izyum forest graves"), ACTOR)
    catalogue.tag([copy], site, ACTOR)
    said = duplicate_service.merge_metadata(catalogue, group, ACTOR)
    assert said == "The keeper was tagged to Izyum forest graves, as its copies were."
    assert catalogue.photo(group.keeper).incident == (site, "Izyum forest graves")
    assert catalogue.custody_log(group.keeper)[-1].action == "tag"
    again = duplicate_service.merge_metadata(catalogue, group, ACTOR)
    assert again == "The copies carry nothing the keeper lacks; nothing was changed."


def test_caption_keywords_and_flags_travel_but_the_keepers_caption_wins(demo) -> None:
    catalogue, groups = demo
    group = groups[0]
    copy = next(m.photo for m in group.members if m.photo != group.keeper)
    caption = 'Crater «north» of the school, <b>"A"</b> & wall\nSecond line'
    catalogue.set_caption(copy, caption, ACTOR)
    catalogue.change_keywords([copy], ["crater", "ordnance"], [], ACTOR)
    catalogue.set_flag([copy], "graphic", True, ACTOR)
    said = duplicate_service.merge_metadata(catalogue, group, ACTOR)
    assert said == ("The keeper was given its copies' caption; given the keywords crater, "
                    "ordnance; marked graphic, as its copies were.")
    keeper = catalogue.photo(group.keeper)
    assert (keeper.caption, keeper.keywords, keeper.graphic) == (
        caption, ("crater", "ordnance"), True)
    assert not keeper.restricted
    catalogue.set_caption(copy, "A different caption", ACTOR)
    duplicate_service.merge_metadata(catalogue, group, ACTOR)
    assert catalogue.photo(group.keeper).caption == caption


def test_copies_with_different_captions_change_nothing(demo) -> None:
    catalogue, groups = demo
    from catalog_app.core.dedup import DuplicateGroup, Member

    first = groups[0]
    other = next(m.photo for g in groups[1:] for m in g.members if m.photo != g.keeper)
    group = DuplicateGroup(first.id, "near", first.keeper, (*first.members, Member(other, 3)))
    copies = [m.photo for m in group.members if m.photo != group.keeper]
    catalogue.set_caption(copies[0], "one", ACTOR)
    catalogue.set_caption(copies[1], "two", ACTOR)
    catalogue.change_keywords([copies[0]], ["crater"], [], ACTOR)
    with pytest.raises(duplicate_service.MetadataConflict, match="different captions"):
        duplicate_service.merge_metadata(catalogue, group, ACTOR)
    keeper = catalogue.photo(group.keeper)
    assert (keeper.caption, keeper.keywords) == ("", ())


def test_copies_in_different_incidents_are_a_conflict(demo) -> None:
    catalogue, groups = demo
    members = [m.photo for g in groups[:1] for m in g.members if m.photo != g.keeper]
    a = catalogue.add_incident(Incident(0, "A"), ACTOR)
    b = catalogue.add_incident(Incident(0, "B"), ACTOR)
    catalogue.tag(members, a, ACTOR)
    extra = groups[0]
    # a second copy in another incident: fake a three-member group from the real one
    other = next(m.photo for g in groups[1:] for m in g.members if m.photo != g.keeper)
    catalogue.tag([other], b, ACTOR)
    from catalog_app.core.dedup import DuplicateGroup, Member

    mixed = DuplicateGroup(extra.id, "near", extra.keeper, (*extra.members, Member(other, 3)))
    with pytest.raises(duplicate_service.MetadataConflict, match="different incidents"):
        duplicate_service.merge_metadata(catalogue, mixed, ACTOR)
    assert catalogue.photo(extra.keeper).incident is None
