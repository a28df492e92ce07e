"""Restriction follows copies: a restricted photo's near copies and similar shots stay out."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageDraw, ImageFilter, ImageStat

from catalog_app.core import dedup
from catalog_app.core.models import Incident
from catalog_app.db.catalogue import Catalogue
from catalog_app.export import selection
from catalog_app.export.gallery import GalleryExport, GalleryOptions
from catalog_app.export.selection import RESTRICTED_COPY, UNRESOLVED, Selection
from catalog_app.services import duplicates as duplicate_service
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR
from tests.support.gallery_names import tokens


def scene(seed: int) -> Image.Image:
    """A photo-like picture no other seed resembles."""
    rng = random.Random(seed)
    image = Image.effect_noise((640, 480), 30).convert("RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(600), rng.randrange(440)
        w, h = rng.randrange(40, 320), rng.randrange(40, 240)
        draw.rectangle((x, y, x + w, y + h), fill=tuple(rng.randrange(256) for _ in range(3)))
    return image


def save(image: Image.Image, path: Path, taken: str | None, quality: int = 92) -> Path:
    exif = Image.Exif()
    if taken:
        exif[0x010F], exif[0x0110] = "Test", "Camera 1"
        exif.get_ifd(0x8769)[0x9003] = taken
    image.save(path, "JPEG", quality=quality, exif=exif.tobytes())
    return path


def messenger_copy(image: Image.Image) -> Image.Image:
    """What a messenger makes of a photo: half the size, recompressed, no metadata."""
    return image.resize((320, 240), Image.Resampling.BILINEAR)


def second_shot(image: Image.Image) -> Image.Image:
    """The same scene a moment later: a few pixels to the side, a little brighter."""
    moved = image.transform(image.size, Image.Transform.AFFINE, (1, 0, 3, 0, 1, 2))
    return moved.point(lambda v: min(255, v + 6))


class Set:
    def __init__(self, catalogue: Catalogue, tmp: Path) -> None:
        self.catalogue, self.tmp = catalogue, tmp
        self.files: dict[str, Path] = {}
        tmp.mkdir(parents=True, exist_ok=True)

    def add(self, name: str, image: Image.Image, taken: str | None, quality: int = 92) -> None:
        self.files[name] = save(image, self.tmp / f"{name}.jpg", taken, quality)

    def load(self) -> dict[str, int]:
        job = ImportJob(self.catalogue, [str(p) for p in self.files.values()], ACTOR, workers=0)
        list(job.run())
        assert not job.summary.failed
        by_name = {Path(p.sources[0].path).stem: p.id for p in self.catalogue.photos()}
        site = self.catalogue.add_incident(Incident(0, "Site"), ACTOR)
        self.catalogue.tag(list(by_name.values()), site, ACTOR)
        return by_name


@pytest.fixture
def photos(new_catalogue: Catalogue, tmp_path: Path) -> dict[str, int]:
    made = Set(new_catalogue, tmp_path / "originals")
    base = scene(1)
    made.add("restricted", base, "2024:07:08 10:45:00")
    made.add("near_copy", messenger_copy(base), None, quality=60)
    made.add("similar", second_shot(base), "2024:07:08 10:45:20")
    gore = scene(2)
    made.add("graphic", gore, "2024:07:09 11:00:00")
    made.add("graphic_copy", messenger_copy(gore), None, quality=55)
    made.add("graphic_similar", second_shot(gore), "2024:07:09 11:00:30")
    pair = scene(3)
    made.add("keeper", pair, "2024:07:10 12:00:00")
    made.add("copy", messenger_copy(pair), None, quality=70)
    made.add("unrelated", scene(4), "2024:07:11 13:00:00")
    ids = made.load()
    new_catalogue.set_flag([ids["restricted"]], "restricted", True, ACTOR)
    new_catalogue.set_flag([ids["graphic"]], "graphic", True, ACTOR)
    return ids


def export(catalogue: Catalogue, out: Path, **selection) -> GalleryExport:
    job = GalleryExport(catalogue, out, GalleryOptions(selection=Selection(**selection)),
                        ACTOR, workers=0)
    list(job.run())
    return job


def published(catalogue: Catalogue, out: Path) -> set[int]:
    names = tokens(catalogue.layout.root, out)
    on_disk = {p.stem for p in (out / "images").iterdir()}
    return {photo_id for photo_id, token in names.items() if token in on_disk}


def test_the_set_is_grouped_as_the_window_shows_it(new_catalogue: Catalogue,
                                                   photos: dict[str, int]) -> None:
    groups = duplicate_service.groups(new_catalogue, dedup.DEFAULT_THRESHOLD, similar=True)
    kinds = {frozenset(m.photo for m in g.members): g.kind for g in groups}
    r, n, s = photos["restricted"], photos["near_copy"], photos["similar"]
    assert kinds[frozenset({r, n})] == "near"
    assert any(kind == "similar" and s in members and (r in members or n in members)
               for members, kind in kinds.items())
    assert kinds[frozenset({photos["keeper"], photos["copy"]})] == "near"


def test_copies_of_a_restricted_photo_are_withheld(new_catalogue: Catalogue,
                                                   photos: dict[str, int],
                                                   tmp_path: Path) -> None:
    out = tmp_path / "site"
    job = export(new_catalogue, out)
    shown = published(new_catalogue, out)
    assert photos["restricted"] not in shown
    assert photos["near_copy"] not in shown  # the messenger copy, at distance 0
    assert photos["similar"] not in shown  # the second shot, in the "similar" tier
    assert photos["unrelated"] in shown and photos["keeper"] in shown
    assert job.summary.left_out[RESTRICTED_COPY] == 2
    assert job.summary.left_out["restricted"] == 1
    text = " ".join(p.read_text() for p in out.rglob("*.html"))
    assert "near_copy" not in text and "similar" not in text


def test_a_persons_not_duplicates_decision_releases_a_copy(new_catalogue: Catalogue,
                                                           photos: dict[str, int],
                                                           tmp_path: Path) -> None:
    groups = duplicate_service.groups(new_catalogue, dedup.DEFAULT_THRESHOLD, similar=True)
    similar = next(g for g in groups if g.kind == "similar"
                   and photos["similar"] in {m.photo for m in g.members})
    duplicate_service.not_duplicates(new_catalogue, similar, ACTOR)
    out = tmp_path / "site"
    job = export(new_catalogue, out)
    shown = published(new_catalogue, out)
    assert photos["similar"] in shown  # a person decided it is a different photo
    assert photos["near_copy"] not in shown  # still a copy: nobody said otherwise
    assert job.summary.left_out[RESTRICTED_COPY] == 1


def test_a_graphic_photos_copy_is_blurred_and_gated(new_catalogue: Catalogue,
                                                    photos: dict[str, int],
                                                    tmp_path: Path) -> None:
    """The second shot (similar tier) by default; the messenger copy when all copies are
    asked for (by default it is an unresolved duplicate, and only its keeper goes out)."""
    for out, asked, gated in ((tmp_path / "a", {}, ("graphic_similar",)),
                              (tmp_path / "b", {"all_copies": True},
                               ("graphic_similar", "graphic_copy"))):
        job = export(new_catalogue, out, **asked)
        names = tokens(new_catalogue.layout.root, out)
        assert job.summary.gated == len(gated)
        plain = names[photos["unrelated"]]
        for name in gated:
            copy = names[photos[name]]
            assert photos[name] in published(new_catalogue, out)
            page = BeautifulSoup((out / "photos" / f"{copy}.html").read_text(), "html.parser")
            assert page.select_one("details.graphic-gate") is not None
            assert _edges(out, copy) < _edges(out, plain) / 4
        plain_page = BeautifulSoup((out / "photos" / f"{plain}.html").read_text(),
                                   "html.parser")
        assert plain_page.select_one("details.graphic-gate") is None


def _edges(out: Path, token: str) -> float:
    with Image.open(out / "thumbs" / f"{token}.jpg") as thumb:
        return ImageStat.Stat(thumb.convert("L").filter(ImageFilter.FIND_EDGES)).mean[0]


def test_unresolved_groups_publish_their_keeper_only(new_catalogue: Catalogue,
                                                     photos: dict[str, int],
                                                     tmp_path: Path) -> None:
    job = export(new_catalogue, tmp_path / "a")
    shown = published(new_catalogue, tmp_path / "a")
    assert photos["keeper"] in shown and photos["copy"] not in shown
    assert photos["graphic_copy"] not in shown
    assert job.summary.left_out[UNRESOLVED] == 2
    everything = export(new_catalogue, tmp_path / "b", all_copies=True)
    shown = published(new_catalogue, tmp_path / "b")
    assert photos["copy"] in shown
    assert photos["near_copy"] not in shown  # asking for copies never takes a restricted one
    assert UNRESOLVED not in everything.summary.left_out


def test_the_result_says_what_was_withheld_and_why(new_catalogue: Catalogue,
                                                   photos: dict[str, int], tmp_path: Path,
                                                   capsys) -> None:
    from catalog_app.cli import main

    root = str(new_catalogue.layout.root)
    code = main(["--catalogue", root, "export", "gallery", str(tmp_path / "site")])
    printed = capsys.readouterr().out
    assert code == 0
    assert ("5 photos withheld: 1 restricted photo, 2 copies of restricted photos, "
            "2 unresolved duplicates.") in printed
    assert "1 copy of a graphic photo published blurred, behind the warning." in printed
    assert "left out: 2 copy" not in printed  # said once, in the sentence
    code = main(["--catalogue", root, "export", "gallery", str(tmp_path / "json"), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["withheld"].startswith("5 photos withheld")
    assert data["left_out"][RESTRICTED_COPY] == 2


def test_the_sentence() -> None:
    left_out = {RESTRICTED_COPY: 2, UNRESOLVED: 1, "not in the selection": 5}
    assert selection.withheld_sentence(left_out) == (
        "3 photos withheld: 2 copies of restricted photos, 1 unresolved duplicate")
    assert selection.withheld_sentence({"not tagged to an incident": 2}) == ""


def test_the_windows_export_result_says_it_too(new_catalogue: Catalogue,
                                               photos: dict[str, int], tmp_path: Path) -> None:
    from catalog_app.core.models import ExportKind
    from catalog_app.gui.controllers.exporting import describe
    from catalog_app.gui.views.export_dialog import ExportRequest

    job = export(new_catalogue, tmp_path / "site")
    request = ExportRequest(ExportKind.GALLERY, tmp_path / "site", Selection(),
                            GalleryOptions(), make_zip=False)
    assert ("5 photos withheld: 1 restricted photo, 2 copies of restricted photos, "
            "2 unresolved duplicates.") in describe(job, request)


def test_a_crop_of_a_restricted_photo_found_only_by_the_second_stage_is_withheld(
        new_catalogue: Catalogue, tmp_path: Path) -> None:
    made = Set(new_catalogue, tmp_path / "originals")
    base = scene(5).resize((1280, 960), Image.Resampling.BICUBIC)
    made.add("secret", base, "2024:07:12 09:00:00")
    w, h = base.size
    made.add("secret_crop", base.crop((0, 0, w * 9 // 10, h * 9 // 10)), None, 80)  # 81 %
    made.add("other", scene(6), "2024:07:12 10:00:00")
    ids = made.load()
    new_catalogue.set_flag([ids["secret"]], "restricted", True, ACTOR)
    pair = {ids["secret"], ids["secret_crop"]}
    hashes_only = dedup.find_groups(new_catalogue.duplicate_inputs(), dedup.DEFAULT_THRESHOLD,
                                    new_catalogue.duplicate_decisions(), similar=True)
    assert not any(pair <= {m.photo for m in g.members} for g in hashes_only)
    assert any(pair <= {m.photo for m in g.members} for g in selection.copy_groups(new_catalogue))
    out = tmp_path / "site"
    job = export(new_catalogue, out)
    shown = published(new_catalogue, out)
    assert ids["secret_crop"] not in shown and ids["secret"] not in shown
    assert ids["other"] in shown
    assert job.summary.left_out[RESTRICTED_COPY] == 1
