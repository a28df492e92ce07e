"""A raw and the JPEG the camera wrote beside it are one shot: linked, not duplicates."""

from __future__ import annotations

import io
from pathlib import Path

import rawpy
from PIL import Image

from catalog_app import jsonout
from catalog_app.core.dedup import find_groups
from catalog_app.services.importing import ImportJob
from catalog_app.services.verify import VerifyJob
from tests.conftest import ACTOR
from tests.support.dng import write_dng


def _jpeg_of(dng: Path, target: Path, make: str = "Testcam",
             taken: str = "2024:05:06 07:08:09") -> Path:
    """What the camera writes beside the raw: the same picture as a JPEG, with its EXIF."""
    with rawpy.imread(str(dng)) as raw:
        picture = Image.fromarray(raw.postprocess(half_size=True, output_bps=8))
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = make, "T-24"
    exif.get_ifd(0x8769)[0x9003] = taken  # DateTimeOriginal
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90, exif=exif.tobytes())
    target.write_bytes(buffer.getvalue())
    return target


def _import(catalogue, *paths: Path) -> ImportJob:
    job = ImportJob(catalogue, [str(p) for p in paths], ACTOR, workers=0)
    list(job.run())
    return job


def test_a_raw_and_its_jpeg_are_linked_as_one_shot(new_catalogue, tmp_path) -> None:
    card = tmp_path / "card"
    card.mkdir()
    dng = write_dng(card / "DSC_0001.dng", 1200, 800)
    _jpeg_of(dng, card / "DSC_0001.jpg")
    job = _import(new_catalogue, card)
    photos = {Path(p.sources[0].path).name: p for p in new_catalogue.photos()}
    raw, jpeg = photos["DSC_0001.dng"], photos["DSC_0001.jpg"]
    assert job.summary.shots == [(raw.id, jpeg.id)]
    assert (raw.same_shot, jpeg.same_shot) == (jpeg.id, raw.id)  # shown together
    assert jsonout.photo(raw, new_catalogue.layout)["same_shot"] == jpeg.id
    assert job.summary.near_duplicates == {}
    groups = find_groups(new_catalogue.duplicate_inputs(), decisions=new_catalogue
                         .duplicate_decisions())
    assert groups == []
    # without the link they would group: the pictures are near copies
    assert find_groups(new_catalogue.duplicate_inputs()) != []
    entries = [e for e in new_catalogue.custody_log(raw.id) if e.action == "same-shot"]
    assert [e.details["partner"] for e in entries] == [jpeg.id]
    verify = VerifyJob(new_catalogue, workers=1)
    list(verify.run())
    assert verify.report.problems == []
    new_catalogue._conn.execute("DELETE FROM shot_links")
    new_catalogue._conn.commit()
    verify = VerifyJob(new_catalogue, workers=1)
    list(verify.run())
    assert any("link to the JPEG of its shot" in p for p in verify.report.problems), \
        verify.report.problems


def test_another_camera_time_or_name_is_not_the_same_shot(new_catalogue, tmp_path) -> None:
    card = tmp_path / "card"
    card.mkdir()
    dng = write_dng(card / "DSC_0002.dng", 1200, 800)
    _jpeg_of(dng, card / "DSC_0002.jpg", make="Othercam")
    _jpeg_of(dng, card / "DSC_0002 copy.jpg")  # another name
    (card / "later").mkdir()
    _jpeg_of(dng, card / "later" / "DSC_0002.jpg", taken="2024:05:06 07:08:10")
    job = _import(new_catalogue, card)
    assert job.summary.shots == []
    assert all(p.same_shot is None for p in new_catalogue.photos())


def test_importing_again_links_a_shot_a_stopped_run_left_unlinked(new_catalogue, tmp_path,
                                                                  monkeypatch) -> None:
    card = tmp_path / "card"
    card.mkdir()
    dng = write_dng(card / "DSC_0003.dng", 1200, 800)
    _jpeg_of(dng, card / "DSC_0003.jpg")
    monkeypatch.setattr(type(new_catalogue), "link_shots", lambda self, ids, actor: [])
    _import(new_catalogue, card)  # stopped before its links were written
    assert all(p.same_shot is None for p in new_catalogue.photos())
    monkeypatch.undo()
    again = _import(new_catalogue, card)
    assert again.summary.imported == 0 and len(again.summary.shots) == 1
    assert all(p.same_shot is not None for p in new_catalogue.photos())
    assert _import(new_catalogue, card).summary.shots == []  # linked once
