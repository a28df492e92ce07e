"""Redaction in what is published: nothing recoverable, every derivative, re-exports, verify."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from catalog_app.core.redaction import Method, Region, Shape, Status
from catalog_app.export.gallery import GalleryExport, GalleryOptions
from catalog_app.export.public_image import RenderTask, render
from tests.conftest import ACTOR
from tests.export.conftest import SAMPLE, Mission
from tests.support.deblur import best_recovery, grey
from tests.support.gallery_names import tokens

BOX = (0.3, 0.3, 0.4, 0.4)  # x, y, w, h of the redacted region
SIZE = (1200, 900)
# Detail finer than a quarter of a pixelation block (1/32 of the region's short side): where
# letters and facial features lie. The correlation r of that detail between the original and
# the best restoration tried says what fraction of it comes back (r squared): a plain Gaussian
# blur of radius 3 gives r > 0.7 after a Wiener filter (half of it back: readable), the fill
# 0 (nothing is there to find). Blur keeps 4 noisy cells across the region: r < 0.15 is under
# 2.5 % of the detail, at the level of chance alignments. Pixelation keeps its block means on
# purpose (1/8 of the short side), which a smooth upscaling turns into gentle gradients that
# line up with the original's a little: r < 0.3 (under 9 %), still far below anything legible.
LIMITS = {Method.BLUR: 0.15, Method.PIXELATE: 0.3, Method.FILL: 0.05}
WEAK_BLUR_FLOOR = 0.7


@pytest.fixture(scope="module")
def document(tmp_path_factory) -> Path:
    """A real photo with a name, a telephone number and an address written across the box."""
    image = Image.open(SAMPLE / "DEMO_003.JPG").convert("RGB").resize(SIZE)
    draw = ImageDraw.Draw(image)
    left, top = int(BOX[0] * SIZE[0]), int(BOX[1] * SIZE[1])
    draw.rectangle((left + 40, top + 30, left + 440, top + 330), fill=(240, 240, 230))
    font = ImageFont.load_default(size=40)
    for n, line in enumerate(["JANE DOE", "+380 44 123 4567", "Kharkiv, Sumska 12"]):
        draw.text((left + 60, top + 50 + 60 * n), line, fill=(10, 10, 10), font=font)
    path = tmp_path_factory.mktemp("doc") / "document.jpg"
    image.save(path, quality=95)
    return path


def _region_pixels(path: Path) -> np.ndarray:
    with Image.open(path) as image:
        w, h = image.size
        box = (round(BOX[0] * w), round(BOX[1] * h), round((BOX[0] + BOX[2]) * w),
               round((BOX[1] + BOX[3]) * h))
        return grey(image.crop(box))


def _published(document: Path, out: Path, regions: tuple[Region, ...]) -> Path:
    task = RenderTask(str(document), str(out / "image.jpg"), str(out / "thumb.jpg"),
                      max(SIZE), "", "", None, False, regions=regions)
    assert render(task).error is None
    return out / "image.jpg"


@pytest.mark.parametrize("method", list(Method))
def test_no_deblurring_attempt_brings_the_region_back(document: Path, tmp_path: Path,
                                                      method: Method) -> None:
    published = _published(document, tmp_path, (Region(Shape.RECTANGLE, *BOX, method),))
    original, shown = _region_pixels(document), _region_pixels(published)
    sigma = min(original.shape) / 32
    found, how = best_recovery(original, shown, sigma, margin=16)
    print(f"{method.value}: best recovery r = {found:.3f} ({how})")
    assert found < LIMITS[method], f"{how} recovers r = {found:.3f}"


def test_the_measure_finds_what_a_weak_blur_leaves(document: Path, tmp_path: Path) -> None:
    """The same attempts on a radius-3 Gaussian blur recover most of it: the test can fail."""
    published = _published(document, tmp_path, ())
    with Image.open(published) as image:
        box = tuple(round(v * s) for v, s in zip((BOX[0], BOX[1], BOX[0] + BOX[2],
                                                  BOX[1] + BOX[3]), SIZE * 2, strict=True))
        weak = image.crop(box).filter(ImageFilter.GaussianBlur(3))
    original = _region_pixels(document)
    found, how = best_recovery(original, grey(weak), min(original.shape) / 32, margin=16)
    print(f"weak blur: best recovery r = {found:.3f} ({how})")
    assert found > WEAK_BLUR_FLOOR


def test_proposed_regions_are_not_published_as_hidden(document: Path, tmp_path: Path) -> None:
    proposed = Region(Shape.RECTANGLE, *BOX, Method.FILL, Status.PROPOSED)
    shown = _region_pixels(_published(document, tmp_path, (proposed,)))
    assert shown.mean() > 60  # the photo, not the fill (review decides; faces gate it)


# -- in the catalogue and the gallery ---------------------------------------------------------
def _export(mission: Mission, out: Path) -> GalleryExport:
    job = GalleryExport(mission.catalogue, out, GalleryOptions(), ACTOR, workers=0)
    list(job.run())
    return job


def _published_of(mission: Mission, out: Path, photo_id: int) -> tuple[Path, Path]:
    token = tokens(mission.catalogue.layout.root, out)[photo_id]
    return out / "images" / f"{token}.jpg", out / "thumbs" / f"{token}.jpg"


def _filled(path: Path, box: tuple[float, float, float, float] = BOX) -> float:
    """The mean grey level inside the box, its JPEG-mixed edge left out."""
    with Image.open(path) as image:
        w, h = image.size
        inner = (box[0] * w + 8, box[1] * h + 8, (box[0] + box[2]) * w - 8,
                 (box[1] + box[3]) * h - 8)
        return float(grey(image.crop(tuple(round(v) for v in inner))).mean())


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_regions_reach_images_and_thumbnails_survive_re_export_and_spare_originals(
        mission: Mission, tmp_path: Path) -> None:
    catalogue = mission.catalogue
    photo = catalogue.photo(mission.hostile)
    original = catalogue.layout.resolve(photo.stored_path)
    before = _sha(original)
    out = tmp_path / "site"
    _export(mission, out)
    image, thumb = _published_of(mission, out, photo.id)
    assert _filled(image) > 5 and _filled(thumb) > 5  # the photo is not black there

    region_id = catalogue.add_redaction(photo.id, Region(Shape.RECTANGLE, *BOX, Method.FILL),
                                        ACTOR)
    job = _export(mission, out)
    assert job.summary.exported == 1  # the gallery re-use key includes the regions
    assert _filled(image) < 5 and _filled(thumb) < 5
    assert _sha(original) == before  # the original is never touched

    job = _export(mission, out)
    assert job.summary.exported == 0 and _filled(image) < 5  # reused: still redacted

    removed = catalogue.remove_redaction(region_id, ACTOR)  # undo
    job = _export(mission, out)
    assert job.summary.exported == 1 and _filled(image) > 5
    catalogue.add_redaction(photo.id, removed, ACTOR)  # redo
    job = _export(mission, out)
    assert job.summary.exported == 1 and _filled(image) < 5 and _filled(thumb) < 5
    assert _sha(original) == before
    assert catalogue.state_check().problems == []


def test_the_graphic_blur_is_made_from_the_redacted_pixels(mission: Mission,
                                                            tmp_path: Path) -> None:
    catalogue = mission.catalogue
    whole = Region(Shape.RECTANGLE, 0, 0, 1, 1, Method.FILL)
    catalogue.add_redaction(mission.graphic, whole, ACTOR)
    _export(mission, tmp_path / "site")
    image, thumb = _published_of(mission, tmp_path / "site", mission.graphic)
    assert grey(Image.open(thumb)).max() < 8 and grey(Image.open(image)).max() < 8


def test_regions_are_logged_and_described(mission: Mission) -> None:
    from catalog_app.core.history import describe_all

    catalogue = mission.catalogue
    rid = catalogue.add_redaction(mission.hostile, Region(Shape.ELLIPSE, 0.1, 0.1, 0.2, 0.2,
                                                          Method.PIXELATE, Status.PROPOSED),
                                  ACTOR)
    assert catalogue.review_redaction(rid, Status.CONFIRMED, ACTOR)
    catalogue.remove_redaction(rid, ACTOR)
    lines = [line.what for line in describe_all(catalogue.custody_log(mission.hostile), {})]
    assert f"redaction region {rid} added" in lines
    assert f"redaction region {rid} confirmed" in lines
    assert f"redaction region {rid} removed" in lines
    assert catalogue.redactions([mission.hostile]) == {}
    assert catalogue.state_check().problems == []


def test_verify_finds_a_region_deleted_or_changed_behind_the_apps_back(
        mission: Mission, capsys) -> None:
    catalogue = mission.catalogue
    kept = catalogue.add_redaction(mission.hostile, Region(Shape.RECTANGLE, *BOX), ACTOR)
    gone = catalogue.add_redaction(mission.hostile, Region(Shape.RECTANGLE, 0, 0, 0.1, 0.1),
                                   ACTOR)
    path = catalogue.layout.root / "catalogue.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM redactions WHERE id = ?", (gone,))
        conn.execute("UPDATE redactions SET method = 'fill', w = 0.01 WHERE id = ?", (kept,))
    conn.close()
    problems = catalogue.state_check().problems
    assert (f"redaction region {gone}: the custody log records it, but the catalogue does "
            "not hold it") in problems
    assert any(p.startswith(f"redaction region {kept}: method differs") for p in problems)
    assert any(p.startswith(f"redaction region {kept}: w differs") for p in problems)
    from catalog_app.cli import main

    catalogue.close()
    capsys.readouterr()
    assert main(["--catalogue", str(catalogue.layout.root), "verify"]) == 1
    said = capsys.readouterr().out
    assert f"redaction region {gone}: the custody log records it" in said
    assert "State does not match the log" in said


def test_a_package_carries_redacted_copies_tied_to_untouched_originals(
        mission: Mission, tmp_path: Path, capsys) -> None:
    import json

    from catalog_app.cli import main
    from catalog_app.export.check import check_package

    catalogue = mission.catalogue
    photo = catalogue.photo(mission.hostile)
    catalogue.add_redaction(photo.id, Region(Shape.ELLIPSE, *BOX, Method.FILL), ACTOR)
    catalogue.add_redaction(photo.id, Region(Shape.RECTANGLE, 0, 0, 0.2, 0.2, Method.BLUR,
                                             Status.PROPOSED), ACTOR)  # not applied
    stored = catalogue.layout.resolve(photo.stored_path)
    before = _sha(stored)
    root, out = catalogue.layout.root, tmp_path / "pkg"
    catalogue.close()
    assert main(["--catalogue", str(root), "--operator", "tester", "export", "package",
                 str(out), "--redacted-copies", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["redacted_copies"] == 1
    listed = json.loads((out / "redacted" / "manifest.json").read_text(encoding="utf-8"))
    [copy] = listed["copies"]
    assert copy["photo_id"] == photo.id and copy["original_sha256"] == photo.sha256
    assert _sha(out / copy["original"]) == photo.sha256 == before == _sha(stored)
    assert _sha(out / copy["copy"]) == copy["copy_sha256"]
    assert [r["shape"] for r in copy["regions"]] == ["ellipse"]
    with Image.open(out / copy["copy"]) as image:
        assert image.size == Image.open(stored).size or image.size[::-1] == \
            Image.open(stored).size  # full size, upright
        assert not image.info.get("exif") and not image.info.get("icc_profile")
        centre = image.getpixel((image.width // 2, image.height // 2))
        assert max(centre) < 8  # the ellipse's centre is filled
    assert f"{copy['copy_sha256']}  {copy['copy']}" in (out / "SHA256SUMS").read_text()
    report = check_package(out)
    assert not report.problems, report.problems


def test_face_proposals_are_stored_once_and_not_applied_until_confirmed(
        mission: Mission) -> None:
    catalogue = mission.catalogue
    found = [Region(Shape.ELLIPSE, 0.2, 0.2, 0.1, 0.15), Region(Shape.ELLIPSE, 0.6, 0.2, 0.1,
                                                                  0.15)]
    with catalogue.unit_of_work(ACTOR) as uow:
        first = uow.redactions.propose(mission.hostile, found)
    with catalogue.unit_of_work(ACTOR) as uow:
        again = uow.redactions.propose(mission.hostile, found)  # a second detection run
    assert len(first) == 2 and again == []
    held = catalogue.redactions([mission.hostile])[mission.hostile]
    assert [r.status for r in held] == [Status.PROPOSED, Status.PROPOSED]
    assert catalogue.state_check().problems == []
