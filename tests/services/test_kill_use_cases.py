"""A process killed inside a use case's unit of work keeps nothing of it.

Merging a duplicate group's metadata into its keeper and captioning photos from a template are
each one unit of work: their writes and custody entries are committed together or not at all.
The process is stopped at a point the test names (catalog_app.core.testpoints): after the
unit's first write, after a later one, or after its last write and before COMMIT; then it is
SIGKILLed. Afterwards the catalogue is exactly as before: no tag, caption, keyword or flag of
the use case and no custody entry of it, and the catalogue verifies. The positive control runs
the same call to its end and finds all of it kept.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from catalog_app.core.models import Incident
from catalog_app.db.catalogue import Catalogue
from catalog_app.services import duplicates as duplicate_service
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR
from tests.support.killing import Run, catalog_app, run

pytestmark = pytest.mark.slow
SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "photos"
CAPTION = "Crater north of the school"
KEYWORDS = ("crater", "ordnance")
TEMPLATE = "{incident}: photo {n} of the selection"

USE_CASE = """
import sys
from catalog_app.core.models import Actor
from catalog_app.db.catalogue import Catalogue
from catalog_app.services import duplicates, tagging
root, what, *args = sys.argv[1:]
actor = Actor("killed-operator", "test-machine", "test")
with Catalogue.open(root) as catalogue:
    if what == "merge":
        group = next(g for g in duplicates.groups(catalogue) if g.id == int(args[0]))
        print(duplicates.merge_metadata(catalogue, group, actor))
    else:
        print(tagging.caption_from_template(catalogue, [int(a) for a in args[1:]], args[0],
                                            actor))
"""


class Prepared:
    """A catalogue of the demo photos: a near-duplicate group whose copy carries an incident,
    a caption, keywords and both flags its keeper lacks, and photos with no caption yet."""

    def __init__(self, root: Path) -> None:
        with Catalogue.open(root) as catalogue:
            group = next(g for g in duplicate_service.groups(catalogue) if g.kind == "near")
            self.group, self.keeper = group.id, group.keeper
            self.copy = next(m.photo for m in group.members if m.photo != group.keeper)
            in_group = {m.photo for m in group.members}
            self.to_caption = [p.id for p in catalogue.photos() if p.id not in in_group][:4]
            self.site = next(i.id for i in catalogue.incidents() if i.name == "Izyum forest")


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> tuple[Path, Prepared]:
    root = tmp_path_factory.mktemp("use-cases") / "catalogue"
    with Catalogue.open(root, create=True) as catalogue:
        list(ImportJob(catalogue, [str(SAMPLE)], ACTOR, workers=0).run())
        group = next(g for g in duplicate_service.groups(catalogue) if g.kind == "near")
        copy = next(m.photo for m in group.members if m.photo != group.keeper)
        site = catalogue.add_incident(Incident(0, "Izyum forest", place="Izyum"), ACTOR)
        catalogue.tag([copy], site, ACTOR)
        catalogue.set_caption(copy, CAPTION, ACTOR)
        catalogue.change_keywords([copy], list(KEYWORDS), [], ACTOR)
        catalogue.set_flag([copy], "graphic", True, ACTOR)
        catalogue.set_flag([copy], "restricted", True, ACTOR)
        in_group = {m.photo for m in group.members}
        others = [p.id for p in catalogue.photos() if p.id not in in_group][:4]
        catalogue.tag(others[:2], site, ACTOR)  # {incident} renders for these two
    facts = Prepared(root)
    assert len(facts.to_caption) == 4
    return root, facts


@pytest.fixture
def catalogue_copy(prepared, tmp_path: Path) -> tuple[Path, Prepared]:
    root, facts = prepared
    shutil.copytree(root, tmp_path / "catalogue")
    return tmp_path / "catalogue", facts


def _state(root: Path) -> tuple[list, list[str]]:
    """Every photo as the catalogue holds it, and the hashes of its custody entries; the
    catalogue, its chain and its originals are sound."""
    with Catalogue.open(root) as catalogue:
        assert catalogue.integrity_problems() == []
        assert catalogue.custody_chain_problems() == []
        return catalogue.photos(), [e.entry_hash for e in catalogue.custody_log()]


def _new_entries(root: Path, before: list[str]) -> list[tuple[str, int | None, str]]:
    with Catalogue.open(root) as catalogue:
        log = catalogue.custody_log()
    assert [e.entry_hash for e in log[: len(before)]] == before
    return [(e.action, e.photo_id, e.operator) for e in log[len(before):]]


def _verifies(root: Path) -> None:
    verified = run(catalog_app(root, "verify"))
    assert verified.returncode == 0, verified.stdout + verified.stderr


def _merge(root: Path, facts: Prepared) -> list[str]:
    return [sys.executable, "-c", USE_CASE, str(root), "merge", str(facts.group)]


def _caption(root: Path, facts: Prepared) -> list[str]:
    return [sys.executable, "-c", USE_CASE, str(root), "caption", TEMPLATE,
            *map(str, facts.to_caption)]


def _kill_at(argv: list[str], point: str) -> None:
    name, _, at = point.partition("@")
    with Run(argv, name, at=int(at or 1)) as job:
        job.wait_for_point()
        job.kill()


@pytest.mark.parametrize("point", [
    "custody:tag",  # the first write: the keeper tagged to the copy's incident
    "custody:keywords",  # the caption and the keywords written
    "unit-of-work",  # every write made (both flags too), before COMMIT
])
def test_a_merge_killed_inside_its_unit_of_work_keeps_nothing(catalogue_copy, point) -> None:
    root, facts = catalogue_copy
    photos_before, log_before = _state(root)
    _kill_at(_merge(root, facts), point)
    photos_after, log_after = _state(root)
    assert log_after == log_before  # no custody entry of the merge
    assert photos_after == photos_before  # no tag, caption, keyword or flag of it
    with Catalogue.open(root) as catalogue:
        keeper = catalogue.photo(facts.keeper)
    assert (keeper.incident, keeper.caption, keeper.keywords, keeper.graphic,
            keeper.restricted) == (None, "", (), False, False)
    _verifies(root)


def test_a_merge_run_to_its_end_keeps_all_of_it(catalogue_copy) -> None:
    root, facts = catalogue_copy
    _, log_before = _state(root)
    done = run(_merge(root, facts))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "The keeper was tagged to Izyum forest; given its copies' caption; given the keywords "
        "crater, ordnance; marked graphic; marked restricted, as its copies were.")
    with Catalogue.open(root) as catalogue:
        keeper = catalogue.photo(facts.keeper)
    assert (keeper.incident, keeper.caption, keeper.keywords, keeper.graphic,
            keeper.restricted) == ((facts.site, "Izyum forest"), CAPTION, KEYWORDS, True, True)
    assert _new_entries(root, log_before) == [
        (action, facts.keeper, "killed-operator")
        for action in ("tag", "caption", "keywords", "flag", "flag")]
    _state(root)
    _verifies(root)


@pytest.mark.parametrize("point", [
    "custody:caption@1",  # the first write: one caption
    "custody:flag@1",  # every caption written, the first marked for review
    "unit-of-work",  # all captions and marks written, before COMMIT
])
def test_a_template_caption_killed_inside_its_unit_of_work_keeps_nothing(catalogue_copy,
                                                                         point) -> None:
    root, facts = catalogue_copy
    photos_before, log_before = _state(root)
    _kill_at(_caption(root, facts), point)
    photos_after, log_after = _state(root)
    assert log_after == log_before
    assert photos_after == photos_before
    with Catalogue.open(root) as catalogue:
        for photo_id in facts.to_caption:
            photo = catalogue.photo(photo_id)
            assert (photo.caption, photo.caption_review) == ("", False)
    _verifies(root)


def test_a_template_caption_run_to_its_end_keeps_all_of_it(catalogue_copy) -> None:
    root, facts = catalogue_copy
    _, log_before = _state(root)
    done = run(_caption(root, facts))
    assert done.returncode == 0, done.stderr
    with Catalogue.open(root) as catalogue:
        captioned = [catalogue.photo(i) for i in facts.to_caption]
    assert [(p.caption, p.caption_review) for p in captioned] == [
        ("Izyum forest: photo 1 of the selection", True),
        ("Izyum forest: photo 2 of the selection", True),
        (": photo 3 of the selection", True),
        (": photo 4 of the selection", True)]
    ids = facts.to_caption
    assert _new_entries(root, log_before) == [
        *(("caption", i, "killed-operator") for i in ids),
        *(("flag", i, "killed-operator") for i in ids)]
    _verifies(root)
