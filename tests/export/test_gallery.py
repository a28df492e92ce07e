"""The published gallery: every chosen photo once with its caption, nothing unsafe inside."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import exifread
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from catalog_app.export.gallery import GalleryExport, GalleryOptions
from catalog_app.export.selection import Selection
from tests.conftest import ACTOR
from tests.export.conftest import HOSTILE, SAMPLE, Mission
from tests.support.gallery_names import tokens


def export(mission: Mission, out: Path, **options) -> GalleryExport:
    job = GalleryExport(mission.catalogue, out, GalleryOptions(**options), ACTOR, workers=0)
    list(job.run())
    return job


def tokens_of(mission: Mission, out: Path) -> dict[int, str]:
    return tokens(mission.catalogue.layout.root, out)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def grid_items(out: Path) -> dict[str, str]:
    """Photo token -> caption text, from every incident page's grid (each must appear once)."""
    found: dict[str, str] = {}
    for page in sorted(out.glob("incident-*.html")) + sorted(out.glob("untagged.html")):
        for figure in soup(page).select("ol.grid figure"):
            token = Path(figure.a["href"]).stem
            assert token not in found, f"{token} appears twice"
            caption = figure.select_one(".caption")
            found[token] = caption.get_text() if caption else ""
    return found


def test_every_exported_photo_once_with_its_caption(mission: Mission, tmp_path: Path) -> None:
    job = export(mission, tmp_path / "site", credit="Field team 2")
    catalogue = mission.catalogue
    expected = {tokens_of(mission, tmp_path / "site")[p.id]: p.caption for p in catalogue.photos()
                if p.incident and not p.restricted and p.duplicate_of is None}
    assert grid_items(tmp_path / "site") == expected
    assert job.summary.exported == len(expected)
    for token, caption in expected.items():
        page = soup(tmp_path / "site" / "photos" / f"{token}.html")
        assert page.select_one("figcaption .caption").get_text() == caption
        assert page.select_one("figure.single img")["alt"] == caption
    index = soup(tmp_path / "site" / "index.html")
    names = [a.get_text() for a in index.select(".section-name")]
    assert sorted(names) == ["Graves in the Izyum forest",
                             "Strike on Okhmatdyt children's hospital"]
    assert catalogue.custody_log()[-1].action == "export-gallery"


def test_hostile_text_is_shown_as_text(mission: Mission, tmp_path: Path) -> None:
    export(mission, tmp_path / "site")
    hostile = tokens_of(mission, tmp_path / "site")[mission.hostile]
    page = soup(tmp_path / "site" / "photos" / f"{hostile}.html")
    assert page.select_one("figcaption .caption").get_text() == HOSTILE
    scripts = [s.get("src") for s in page.find_all("script")]
    assert scripts == ["../assets/gallery.js"]  # the caption's <script> is not an element
    raw = (tmp_path / "site" / "photos" / f"{hostile}.html").read_text()
    assert "<script>alert(1)" not in raw and "&lt;script&gt;alert(1)" in raw
    incident = soup(tmp_path / "site" / f"incident-{mission.hospital}.html")
    description = incident.select_one(".description").get_text()
    assert description.endswith("<b>Not bold</b> & kept as text.")
    links = [a["href"] for a in incident.select(".sources a")]
    assert links == ["https://example.org/report?a=1&b=2"]


def test_no_restricted_duplicate_or_untagged_photo_leaves(mission: Mission, tmp_path: Path) -> None:
    job = export(mission, tmp_path / "site")
    out = tmp_path / "site"
    hidden = [mission.restricted, *mission.copies, *mission.untagged]
    files = [p for p in out.rglob("*") if p.is_file()]
    published = tokens_of(mission, out)
    assert not set(hidden) & set(published)  # no name was ever given to a hidden photo
    assert {p.stem for p in (out / "images").iterdir()} == set(published.values())
    for photo_id in hidden:  # nor does any file name or page show an id
        token = re.compile(rf"\bp{photo_id}\b")
        assert not any(token.search(p.name) for p in files), photo_id
        assert not any(token.search(p.read_text()) for p in files if p.suffix == ".html")
    assert job.summary.left_out == {"restricted": 1, "not tagged to an incident": 2,
                                    "marked as a duplicate of another photo":
                                        len(mission.copies)}


def test_images_carry_no_location_names_or_camera_data(mission: Mission, tmp_path: Path) -> None:
    export(mission, tmp_path / "site")
    originals = {s.name.rsplit(".", 1)[0] for s in SAMPLE.iterdir()}
    images = list((tmp_path / "site").rglob("*.jpg"))
    assert len(images) == 2 * len(grid_items(tmp_path / "site"))
    for path in images:
        assert re.fullmatch(r"[0-9a-f]{16}\.jpg", path.name)
        with open(path, "rb") as handle:
            tags = exifread.process_file(handle, details=False)
        assert not [t for t in tags if t.startswith(("GPS", "Image Make", "Image Model",
                                                     "EXIF DateTime", "EXIF Body"))], path
        with Image.open(path) as image:
            assert not image.getexif()
        data = path.read_bytes()
        for name in originals:
            assert name.encode() not in data
        for word in (b"DemoPhone", b"DemoCam", b"2024:07"):
            assert word not in data
    for page in (tmp_path / "site").rglob("*.html"):
        text = page.read_text()
        assert not any(name in text for name in originals)
        assert "50.45" not in text  # no coordinates unless asked for


def test_keep_location_is_a_choice(mission: Mission, tmp_path: Path) -> None:
    export(mission, tmp_path / "site", keep_location=True)
    located = [p for p in mission.catalogue.photos() if p.capture.gps and p.incident
               and not p.restricted and p.duplicate_of is None]
    assert located
    photo = located[0]
    token = tokens_of(mission, tmp_path / "site")[photo.id]
    with open(tmp_path / "site" / "images" / f"{token}.jpg", "rb") as handle:
        tags = exifread.process_file(handle, details=False)
    lat = [float(x) for x in tags["GPS GPSLatitude"].values]
    assert abs(lat[0] + lat[1] / 60 + lat[2] / 3600 - abs(photo.capture.gps.lat)) < 1e-4
    assert "Image Make" not in tags and "EXIF DateTimeOriginal" not in tags
    text = (tmp_path / "site" / "photos" / f"{token}.html").read_text()
    assert f"{photo.capture.gps.lat:.5f}" in text


def test_caption_and_credit_read_back_from_the_jpeg(mission: Mission, tmp_path: Path) -> None:
    import exiv2

    export(mission, tmp_path / "site", credit="Field team 2")
    token = tokens_of(mission, tmp_path / "site")[mission.hostile]
    path = tmp_path / "site" / "images" / f"{token}.jpg"
    image = exiv2.ImageFactory.open(str(path))
    image.readMetadata()
    assert str(image.iptcData()["Iptc.Application2.Caption"].value()) == HOSTILE
    assert str(image.iptcData()["Iptc.Application2.Credit"].value()) == "Field team 2"
    assert HOSTILE in str(image.xmpData()["Xmp.dc.description"].value())
    if shutil.which("exiftool") is None:
        pytest.skip("exiftool is not installed (Debian: libimage-exiftool-perl)")
    read = json.loads(subprocess.run(
        ["exiftool", "-j", "-IPTC:Caption-Abstract", "-XMP-dc:Description", "-IPTC:Credit",
         str(path)], capture_output=True, text=True, check=True).stdout)[0]
    assert read["Caption-Abstract"] == HOSTILE
    assert read["Description"] == HOSTILE
    assert read["Credit"] == "Field team 2"


def test_graphic_photos_are_blurred_behind_a_warning(mission: Mission, tmp_path: Path) -> None:
    from PIL import ImageFilter, ImageStat

    export(mission, tmp_path / "site")
    token = tokens_of(mission, tmp_path / "site")[mission.graphic]
    page = soup(tmp_path / "site" / "photos" / f"{token}.html")
    gate = page.select_one("details.graphic-gate")
    assert gate is not None and "graphic" in gate.summary.get_text()
    assert gate.img["src"] == f"../images/{token}.jpg"
    with Image.open(tmp_path / "site" / "thumbs" / f"{token}.jpg") as thumb:
        edges = ImageStat.Stat(thumb.convert("L").filter(ImageFilter.FIND_EDGES)).mean[0]
    plain_token = tokens_of(mission, tmp_path / "site")[mission.hostile]
    with Image.open(tmp_path / "site" / "thumbs" / f"{plain_token}.jpg") as plain:
        plain_edges = ImageStat.Stat(plain.convert("L").filter(ImageFilter.FIND_EDGES)).mean[0]
    assert edges < plain_edges / 4  # the watermark's sharp edges are gone


def test_re_export_updates_the_folder(mission: Mission, tmp_path: Path) -> None:
    out = tmp_path / "site"
    first = export(mission, out)
    before = tokens_of(mission, out)
    again = export(mission, out)
    assert again.summary.exported == 0 and again.summary.reused == first.summary.exported
    assert tokens_of(mission, out) == before  # the same names on every re-export
    mission.catalogue.tag([mission.hostile], None, ACTOR)
    mission.catalogue.set_caption(mission.graphic, "Changed caption", ACTOR)
    third = export(mission, out)
    assert third.summary.exported == 1  # only the photo whose caption changed
    assert not (out / "images" / f"{before[mission.hostile]}.jpg").exists()
    assert not (out / "photos" / f"{before[mission.hostile]}.html").exists()
    assert grid_items(out)[before[mission.graphic]] == "Changed caption"


def test_choose_by_incident_and_dates(mission: Mission, tmp_path: Path) -> None:
    export(mission, tmp_path / "a", selection=Selection(incident_ids=(mission.forest,)))
    assert list((tmp_path / "a").glob("incident-*.html")) == [
        tmp_path / "a" / f"incident-{mission.forest}.html"]
    from datetime import date

    from catalog_app.export.selection import NothingToPublish

    with pytest.raises(NothingToPublish, match="Nothing to publish"):
        export(mission, tmp_path / "b", selection=Selection(date_from=date(2030, 1, 1)))
    assert not (tmp_path / "b").exists()  # nothing was written


def test_a_cancelled_export_resumes(mission: Mission, tmp_path: Path) -> None:
    out = tmp_path / "site"
    job = GalleryExport(mission.catalogue, out, GalleryOptions(), ACTOR, workers=0)
    for event in job.run():
        if event.done == 2:
            job.cancel()
    assert job.summary.cancelled and not (out / "index.html").exists()
    again = export(mission, out)
    assert again.summary.reused == 2 and (out / "index.html").is_file()


def test_an_organisations_theme_overrides_the_default(mission: Mission, tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    (theme / "static").mkdir(parents=True)
    (theme / "index.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1 class="org">Our findings: {{ title }}'
        '</h1>{% for s in sections %}<a href="{{ s.page }}">{{ s.name }}</a>{% endfor %}'
        '{% endblock %}', encoding="utf-8")
    (theme / "static" / "style.css").write_text("h1.org { color: #123456; }")
    export(mission, tmp_path / "site", theme_dir=theme, title='<Team "A">')
    index = soup(tmp_path / "site" / "index.html")
    assert index.select_one("h1.org").get_text() == 'Our findings: <Team "A">'  # autoescaped
    assert "#123456" in (tmp_path / "site" / "assets" / "style.css").read_text()
    assert (tmp_path / "site" / "assets" / "gallery.js").is_file()  # the rest from default
    assert (tmp_path / "site" / f"incident-{mission.hospital}.html").is_file()


def test_orientation_is_applied_to_published_images(new_catalogue, corpus: Path,
                                                    tmp_path: Path) -> None:
    from PIL import ImageChops, ImageStat

    from catalog_app.core.models import Incident
    from catalog_app.services.importing import ImportJob

    folder = corpus / "exif-samples" / "jpg" / "orientation"
    list(ImportJob(new_catalogue, [str(folder / "portrait_6.jpg")], ACTOR, workers=0).run())
    photo = new_catalogue.photos()[0]
    assert photo.capture.orientation == 6
    site = new_catalogue.add_incident(Incident(0, "Site"), ACTOR)
    new_catalogue.tag([photo.id], site, ACTOR)
    list(GalleryExport(new_catalogue, tmp_path / "site", GalleryOptions(), ACTOR,
                       workers=0).run())
    token = tokens(new_catalogue.layout.root, tmp_path / "site")[photo.id]
    with Image.open(tmp_path / "site" / "images" / f"{token}.jpg") as image, \
            Image.open(folder / "portrait_1.jpg") as upright:
        assert image.size == (photo.width, photo.height) == upright.size == (450, 600)
        def apart(reference: Image.Image) -> float:
            grey = ImageChops.difference(image.convert("L"), reference.convert("L"))
            return ImageStat.Stat(grey).mean[0]

        # the samples differ by the digit drawn on each; upright is far closer than any turn
        assert apart(upright) < apart(upright.transpose(Image.Transpose.ROTATE_180)) / 2
        assert apart(upright) < apart(upright.transpose(Image.Transpose.FLIP_LEFT_RIGHT)) / 2
