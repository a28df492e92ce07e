"""Copies of a restricted photo are withheld from every export (#14); no preview is withheld (#13).

One catalogue for the module: a restricted photo with a messenger copy (near) and a second
shot (similar), two unrelated photos, and a JPEG that holds only EXIF (its original is kept,
nothing decodes: photos.preview_missing). Every photo has a GPS position, so the GeoJSON and
KML files would show any photo they let through.
"""

from __future__ import annotations

import csv
import json
import struct
import xml.etree.ElementTree as ET
from fractions import Fraction
from pathlib import Path

import pytest
from PIL import Image

from catalog_app.cli import main
from catalog_app.core.models import Incident
from catalog_app.db.catalogue import Catalogue
from catalog_app.export import tables
from catalog_app.export.gallery import GalleryExport, GalleryOptions
from catalog_app.export.package import PackageExport
from catalog_app.export.selection import NO_PREVIEW, RESTRICTED, RESTRICTED_COPY, Selection
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR, CORPUS
from tests.export.test_restriction_copies import messenger_copy, scene, second_shot
from tests.support.gallery_names import tokens

COPIES = ("near_copy", "similar")


def _save(image: Image.Image, path: Path, minute: int, quality: int = 92) -> None:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Test", "Camera 1"
    exif.get_ifd(0x8769)[0x9003] = f"2024:07:08 10:{minute:02d}:00"
    exif[0x8825] = {1: "N", 2: (Fraction(50), Fraction(27), Fraction(minute)),
                    3: "E", 4: (Fraction(30), Fraction(31), Fraction(0))}
    image.save(path, "JPEG", quality=quality, exif=exif.tobytes())


def _exif_only(path: Path) -> None:
    """A JPEG that holds only its EXIF segment: no frame, no scan (nothing decodes)."""
    with Image.open(CORPUS / "exif-samples/jpg/Canon_40D.jpg") as image:
        exif = image.info["exif"]
    path.write_bytes(b"\xff\xd8\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif + b"\xff\xd9")


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> tuple[Catalogue, dict[str, int], Path]:
    tmp = tmp_path_factory.mktemp("withheld")
    originals = tmp / "originals"
    originals.mkdir()
    base = scene(1)
    _save(base, originals / "restricted.jpg", 1)
    _save(messenger_copy(base), originals / "near_copy.jpg", 2, quality=60)
    _save(second_shot(base), originals / "similar.jpg", 3)
    _save(scene(4), originals / "unrelated.jpg", 4)
    _save(scene(5), originals / "other.jpg", 5)
    _exif_only(originals / "no_preview.jpg")
    catalogue = Catalogue.open(tmp / "catalogue", create=True)
    job = ImportJob(catalogue, [str(originals)], ACTOR, workers=0)
    list(job.run())
    assert not job.summary.failed
    ids = {Path(p.sources[0].path).stem: p.id for p in catalogue.photos()}
    assert catalogue.photo(ids["no_preview"]).preview_missing
    site = catalogue.add_incident(Incident(0, "Site"), ACTOR)
    catalogue.tag(list(ids.values()), site, ACTOR)
    catalogue.set_flag([ids["restricted"]], "restricted", True, ACTOR)
    yield catalogue, ids, tmp
    catalogue.close()


def _package(catalogue: Catalogue, out: Path, **chosen) -> PackageExport:
    job = PackageExport(catalogue, out, Selection(**chosen), ACTOR)
    list(job.run())
    return job


def test_a_package_withholds_copies_as_it_withholds_the_restricted_photo(made) -> None:
    catalogue, ids, tmp = made
    out = tmp / "package"
    job = _package(catalogue, out)
    manifest = json.loads((out / "manifest.json").read_text())["photos"]
    taken = {row["id"] for row in manifest}
    assert taken == {ids["unrelated"], ids["other"], ids["no_preview"]}
    assert job.summary.left_out == {RESTRICTED: 1, RESTRICTED_COPY: 2}
    assert job.summary.withheld == 3
    rows = (out / "withheld.csv").read_text().splitlines()[1:]
    reasons = {int(line.split(",")[0]): line.split(",")[2] for line in rows}
    assert reasons == {ids["restricted"]: "restricted", ids["near_copy"]: RESTRICTED_COPY,
                       ids["similar"]: RESTRICTED_COPY}
    assert ("3 photos withheld: 1 restricted photo, 2 copies of restricted photos; see "
            "withheld.csv.") in (out / "README.txt").read_text()
    # #13: a photo with no preview still goes into a package, its original byte for byte
    row = next(r for r in manifest if r["id"] == ids["no_preview"])
    stored = catalogue.layout.resolve(catalogue.photo(ids["no_preview"]).stored_path)
    assert (out / row["package_file"]).read_bytes() == stored.read_bytes()
    positions = json.loads((out / "positions.geojson").read_text())
    assert {f["id"] for f in positions["features"]} == {ids["unrelated"], ids["other"]}


def test_a_package_takes_them_on_purpose_and_marks_them(made) -> None:
    catalogue, ids, tmp = made
    out = tmp / "package-all"
    job = _package(catalogue, out, include_restricted=True)
    assert job.summary.withheld == 0 and not (out / "withheld.csv").exists()
    by_id = {r["id"]: r for r in json.loads((out / "manifest.json").read_text())["photos"]}
    assert by_id[ids["restricted"]]["restricted"] is True
    for name in COPIES:
        assert by_id[ids[name]]["restricted"] is False
        assert by_id[ids[name]]["copy_of_restricted"] == [ids["restricted"]]
    assert by_id[ids["unrelated"]]["copy_of_restricted"] == []
    with open(out / "manifest.csv", newline="", encoding="utf-8") as handle:
        marks = {int(r["id"]): r["copy_of_restricted"] for r in csv.DictReader(handle)}
    assert marks[ids["near_copy"]] == str(ids["restricted"]) and marks[ids["other"]] == ""


@pytest.mark.parametrize("kind", ["csv", "geojson", "kml"])
def test_tables_and_positions_withhold_copies(made, kind: str, capsys) -> None:
    catalogue, ids, tmp = made
    path = tmp / f"photos.{kind}"
    made_file = tables.export_file(catalogue, kind, path, Selection(), ACTOR)
    assert made_file.left_out == {RESTRICTED: 1, RESTRICTED_COPY: 2}
    assert _ids_in(kind, path) == {ids["unrelated"], ids["other"]} | (
        {ids["no_preview"]} if kind == "csv" else set())  # it has no position of its own
    everything = tables.export_file(catalogue, kind, path, Selection(include_restricted=True),
                                    ACTOR)
    assert everything.withheld == 0
    assert {ids["restricted"], *(ids[n] for n in COPIES)} <= _ids_in(kind, path)
    if kind == "csv":
        with open(path, newline="", encoding="utf-8") as handle:
            marks = {int(r["id"]): r["copy_of_restricted"] for r in csv.DictReader(handle)}
        assert marks[ids["similar"]] == str(ids["restricted"])
        code = main(["--catalogue", str(catalogue.layout.root), "export", "csv", str(path)])
        assert code == 0
        assert ("; 3 photos withheld: 1 restricted photo, 2 copies of restricted photos "
                "(--include-restricted takes them).") in capsys.readouterr().out


def _ids_in(kind: str, path: Path) -> set[int]:
    if kind == "csv":
        with open(path, newline="", encoding="utf-8") as handle:
            return {int(row["id"]) for row in csv.DictReader(handle)}
    if kind == "geojson":
        return {f["id"] for f in json.loads(path.read_text())["features"]}
    marks = ET.parse(path).getroot().iter("{http://www.opengis.net/kml/2.2}Placemark")
    return {int(m.get("id", "").removeprefix("photo-")) for m in marks}


def test_a_gallery_withholds_a_photo_with_no_preview(made, capsys) -> None:
    catalogue, ids, tmp = made
    out = tmp / "site"
    job = GalleryExport(catalogue, out, GalleryOptions(), ACTOR, workers=0)
    list(job.run())
    assert job.summary.failed == []
    assert job.summary.left_out[NO_PREVIEW] == 1
    assert ids["no_preview"] not in tokens(catalogue.layout.root, out)
    assert job.summary.exported == 2  # the unrelated photos
    code = main(["--catalogue", str(catalogue.layout.root), "export", "gallery",
                 str(tmp / "site-cli"), "--workers", "0"])
    printed = capsys.readouterr().out
    assert code == 0
    assert ("4 photos withheld: 1 restricted photo, 2 copies of restricted photos, 1 photo "
            "with no preview (nothing in it decodes; its original is kept).") in printed
    assert "failed" not in printed
