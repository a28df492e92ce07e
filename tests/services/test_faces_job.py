"""Faces found offline: the scan runs on workers with progress, is logged, replayed by verify,
and keeps photos with unreviewed faces out of galleries until reviewed or published anyway."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from catalog_app.core import faces
from catalog_app.core.history import describe
from catalog_app.core.models import Incident
from catalog_app.core.progress import Progress
from catalog_app.db import faces as face_table
from catalog_app.db.catalogue import Catalogue
from catalog_app.export.gallery import GalleryExport, GalleryOptions
from catalog_app.export.selection import FACES_UNREVIEWED, Selection, withheld_sentence
from catalog_app.services.faces import FaceJob
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR
from tests.support import face_photos as fp
from tests.support.gallery_names import tokens


@pytest.fixture
def ids(new_catalogue: Catalogue, tmp_path: Path) -> dict[str, int]:
    """The astronaut, a scene with two small faces, and two scenes with none, all tagged.
    The scene is 800 x 600, the astronaut 384 px and the two without faces half their
    sample's size: these tests are about the job, and the voted detector takes ~6x longer on
    1600 x 1200; tests/core/test_faces.py measures the detector."""
    folder = tmp_path / "in"
    folder.mkdir()
    made = {"astronaut": fp.astronaut().image.resize((384, 384)),  # the face stays ~75 px
            "crowd": fp.composite(3, size=(800, 600), faces=2, face_px=(90, 110),
                                  max_turn=4, background="grass", source=0).image,
            "coffee": fp.sample("coffee").reduce(2), "rocket": fp.sample("rocket").reduce(2)}
    for name, image in made.items():
        image.save(folder / f"{name}.jpg", "JPEG", quality=92)
    list(ImportJob(new_catalogue, [str(folder)], ACTOR, workers=0).run())
    by_name = {Path(p.sources[0].path).stem: p.id for p in new_catalogue.photos()}
    site = new_catalogue.add_incident(Incident(0, "Site"), ACTOR)
    new_catalogue.tag(list(by_name.values()), site, ACTOR)
    return by_name


def scan(catalogue: Catalogue, workers: int = 0, **kwargs) -> tuple[FaceJob, list[Progress]]:
    job = FaceJob(catalogue, ACTOR, workers=workers, **kwargs)
    return job, list(job.run())


def gallery(catalogue: Catalogue, out: Path) -> tuple[GalleryExport, set[int]]:
    job = GalleryExport(catalogue, out, GalleryOptions(selection=Selection()), ACTOR, workers=0)
    list(job.run())
    names = tokens(catalogue.layout.root, out)
    on_disk = {p.stem for p in (out / "images").iterdir()}
    return job, {pid for pid, token in names.items() if token in on_disk}


def test_the_scan_runs_in_worker_processes_and_reports_progress(new_catalogue: Catalogue,
                                                                ids: dict[str, int]) -> None:
    job = FaceJob(new_catalogue, ACTOR, workers=2)
    events, children = [], set()
    for event in job.run():
        events.append(event)
        if event.done:  # a result came back: the pool's processes are running
            children |= {p.pid for p in multiprocessing.active_children()}
    assert children  # the cascades ran in other processes
    assert events[0].done == 0 and events[-1].done == events[-1].total == 4
    assert [e.done for e in events] == sorted(e.done for e in events)
    assert events[-1].count("with_faces") == 2 and events[-1].count("failed") == 0
    s = job.summary
    assert (s.scanned, s.with_faces, s.changed, s.failed, s.cancelled) == (4, 2, 4, [], False)
    assert len(new_catalogue.face_proposals(ids["crowd"])) == 2
    assert new_catalogue.face_proposals(ids["coffee"]) == []
    truth = fp.normalised(fp.ASTRONAUT_FACE, (512, 512))  # stated on the 512 px sample
    (box,) = new_catalogue.face_proposals(ids["astronaut"])
    assert faces.iou((box.x, box.y, box.w, box.h), truth) > 0.5
    assert new_catalogue.faces_unreviewed() == sorted([ids["astronaut"], ids["crowd"]])


def test_a_second_scan_skips_what_this_detector_scanned(new_catalogue: Catalogue,
                                                        ids: dict[str, int]) -> None:
    scan(new_catalogue, photo_ids=[ids["astronaut"]])
    job, _ = scan(new_catalogue)
    assert (job.summary.skipped, job.summary.scanned) == (1, 3)
    again, _ = scan(new_catalogue, again=True)
    assert again.summary.scanned == 4 and again.summary.changed == 0  # same finding: no write


def test_each_scan_and_decision_is_logged_in_words(new_catalogue: Catalogue,
                                                   ids: dict[str, int]) -> None:
    scan(new_catalogue)
    new_catalogue.mark_faces_reviewed([ids["astronaut"]], ACTOR)
    new_catalogue.publish_faces_anyway([ids["crowd"]], ACTOR)
    log = new_catalogue.custody_log()
    scanned = [e for e in log if e.action == face_table.SCANNED]
    assert sorted(e.photo_id for e in scanned) == sorted(ids.values())
    crowd = next(e for e in scanned if e.photo_id == ids["crowd"])
    assert crowd.details["faces"] == 2 and crowd.details["detector"] == faces.DEFAULT.name
    assert "2 faces found" in describe(crowd).sentence
    (anyway,) = [e for e in log if e.action == face_table.PUBLISHED_ANYWAY]
    assert anyway.photo_id == ids["crowd"] and anyway.operator == ACTOR.operator
    assert "published anyway" in describe(anyway).sentence
    (reviewed,) = [e for e in log if e.action == face_table.REVIEWED]
    assert reviewed.photo_id == ids["astronaut"] and "reviewed" in describe(reviewed).sentence
    check = new_catalogue.state_check()
    assert check.problems == [] and check.chain_problems == []


def test_unreviewed_faces_are_withheld_until_reviewed_or_published_anyway(
        new_catalogue: Catalogue, ids: dict[str, int], tmp_path: Path) -> None:
    scan(new_catalogue)
    job, shown = gallery(new_catalogue, tmp_path / "site")
    assert ids["astronaut"] not in shown and ids["crowd"] not in shown
    assert ids["coffee"] in shown and ids["rocket"] in shown
    assert job.summary.left_out[FACES_UNREVIEWED] == 2
    assert withheld_sentence(job.summary.left_out) == (
        "2 photos withheld: 2 redactions not reviewed (faces found)")
    assert new_catalogue.mark_faces_reviewed([ids["astronaut"]], ACTOR) == 1
    assert new_catalogue.mark_faces_reviewed([ids["astronaut"]], ACTOR) == 0  # already
    _, shown = gallery(new_catalogue, tmp_path / "site")
    assert ids["astronaut"] in shown and ids["crowd"] not in shown
    new_catalogue.publish_faces_anyway([ids["crowd"]], ACTOR)
    job, shown = gallery(new_catalogue, tmp_path / "site")
    assert ids["crowd"] in shown and FACES_UNREVIEWED not in job.summary.left_out
    assert new_catalogue.faces_unreviewed() == []
    scan_row = new_catalogue.face_scan(ids["crowd"])
    assert scan_row is not None and scan_row.published_anyway_by == ACTOR.operator


def test_a_photo_never_scanned_cannot_be_reviewed(new_catalogue: Catalogue,
                                                  ids: dict[str, int]) -> None:
    with pytest.raises(face_table.NotScanned, match="has not been scanned for faces"):
        new_catalogue.mark_faces_reviewed([ids["rocket"]], ACTOR)
    assert not [e for e in new_catalogue.custody_log() if e.action.startswith("faces-")]


def test_a_new_finding_clears_the_review(new_catalogue: Catalogue, ids: dict[str, int]) -> None:
    scan(new_catalogue, photo_ids=[ids["astronaut"]])
    new_catalogue.mark_faces_reviewed([ids["astronaut"]], ACTOR)
    extra = faces.Box(0.7, 0.7, 0.1, 0.1, 3.0, "profile")
    proposed = [*new_catalogue.face_proposals(ids["astronaut"]), extra]
    assert new_catalogue.record_face_scans(
        [(ids["astronaut"], "opencv-haar", "another version", proposed)], ACTOR) == 1
    assert ids["astronaut"] in new_catalogue.faces_unreviewed()
    assert new_catalogue.state_check().problems == []


@pytest.mark.parametrize(("sql", "said"), [
    ("UPDATE face_scans SET boxes = '[]', faces = 0", "boxes differs from its custody record"),
    ("UPDATE face_scans SET reviewed_by = 'someone', reviewed_at = '2026-01-01T00:00:00Z'",
     "reviewed_by differs from its custody record"),
    ("DELETE FROM face_scans", "the custody log records it, but the catalogue does not hold it"),
])
def test_verify_finds_a_face_scan_changed_in_sql(new_catalogue: Catalogue, ids: dict[str, int],
                                                 sql: str, said: str) -> None:
    scan(new_catalogue, photo_ids=[ids["astronaut"]])
    assert new_catalogue.state_check().problems == []
    new_catalogue._conn.execute(sql + " WHERE photo_id = ?", (ids["astronaut"],))
    problems = new_catalogue.state_check().problems
    assert any(p.startswith(f"photo {ids['astronaut']}: its face scan") and said in p
               for p in problems), problems


def test_a_cancelled_scan_keeps_what_it_found(new_catalogue: Catalogue,
                                              ids: dict[str, int]) -> None:
    job = FaceJob(new_catalogue, ACTOR, workers=0)
    for event in job.run():
        if event.done == 1:
            job.cancel()
    assert job.summary.cancelled and job.summary.scanned == 1
    recorded = [i for i in ids.values() if new_catalogue.face_scan(i) is not None]
    assert len(recorded) == 1
    rest, _ = scan(new_catalogue)
    assert (rest.summary.skipped, rest.summary.scanned) == (1, 3)


def test_each_face_found_becomes_a_proposed_region_to_review(tmp_path) -> None:
    """The detector's boxes wait in the viewer as proposed (dashed) regions: not applied when
    published until a person confirms them; a second identical scan proposes nothing twice."""
    from catalog_app.core.faces import Box
    from catalog_app.core.redaction import Status
    from catalog_app.db.catalogue import Catalogue
    from catalog_app.services.importing import ImportJob
    from tests.conftest import ACTOR
    from tests.support.synthetic import make_jpegs

    make_jpegs(tmp_path / "card", 1)
    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        list(ImportJob(catalogue, [str(tmp_path / "card")], ACTOR, workers=0).run())
        boxes = [Box(0.2, 0.1, 0.3, 0.4, 5.0), Box(0.9, 0.8, 0.2, 0.3, 3.0)]  # one at an edge
        assert catalogue.record_face_scans([(1, "haar", "t1", boxes)], ACTOR) == 1
        regions = catalogue.redactions()[1]
        assert [r.status for r in regions] == [Status.PROPOSED] * 2
        assert not any(r.applied for r in regions)
        assert (regions[0].x, regions[0].y, regions[0].w, regions[0].h) == (0.2, 0.1, 0.3, 0.4)
        assert regions[1].x + regions[1].w <= 1 and regions[1].y + regions[1].h <= 1
        assert catalogue.record_face_scans([(1, "haar", "t1", boxes)], ACTOR) == 0
        assert len(catalogue.redactions()[1]) == 2
