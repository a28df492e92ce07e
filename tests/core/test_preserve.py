"""Preserve, then read: every file with an image or camera-raw signature is kept and recorded."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import struct
from pathlib import Path

import numpy as np
import pytest
import tifffile
from PIL import Image

from catalog_app import cli
from catalog_app.core import imaging, raw
from catalog_app.core.models import PhotoFilter
from catalog_app.services.importing import ImportJob
from catalog_app.services.verify import VerifyJob
from tests.conftest import ACTOR, CORPUS
from tests.support.dng import write_dng

PRESERVED = "original preserved, no preview"


def _noisy_jpeg(width: int = 800, height: int = 600, seed: int = 3) -> bytes:
    rng = np.random.default_rng(seed)
    picture = (rng.random((height // 8, width // 8, 3)) * 255).astype(np.uint8)
    big = Image.fromarray(picture).resize((width, height), Image.Resampling.BILINEAR)
    buffer = io.BytesIO()
    big.save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def _exif_only() -> bytes:
    """A JPEG that holds only its EXIF segment: no frame, no scan."""
    with Image.open(CORPUS / "exif-samples/jpg/Canon_40D.jpg") as image:
        exif = image.info["exif"]
    return b"\xff\xd8\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif + b"\xff\xd9"


def _import(catalogue, *paths: Path, workers: int = 0) -> ImportJob:
    job = ImportJob(catalogue, [str(p) for p in paths], ACTOR, workers=workers)
    list(job.run())
    return job


def _verify(catalogue) -> list[str]:
    job = VerifyJob(catalogue, workers=1)
    list(job.run())
    return job.report.problems


def _by_name(catalogue) -> dict:
    return {Path(p.sources[0].path).name: p for p in catalogue.photos()}


@pytest.fixture
def card(tmp_path: Path) -> Path:
    """A card of files that do not (fully) decode, beside one good photo and two non-images."""
    folder = tmp_path / "card"
    folder.mkdir()
    jpeg = _noisy_jpeg()
    (folder / "good.jpg").write_bytes(_noisy_jpeg(seed=9))
    (folder / "cut_short.jpg").write_bytes(jpeg[: len(jpeg) // 2])
    (folder / "exif_only.jpg").write_bytes(_exif_only())
    avif = (CORPUS / "exif-py/tests/resources/avif/mountains.avif").read_bytes()
    (folder / "header_only.avif").write_bytes(avif[:400])
    lab = np.zeros((64, 96, 3), dtype=np.uint16)
    lab[..., 0] = np.linspace(0, 65535, 96, dtype=np.uint16)
    tifffile.imwrite(folder / "lab16.tif", lab, photometric="cielab")
    dng = write_dng(folder / "whole.dng", preview_px=1024).read_bytes()
    (folder / "cut.dng").write_bytes(dng[: len(dng) * 9 // 10])
    (folder / "notes.jpg").write_text("not a photo at all\n")
    (folder / "empty.jpg").write_bytes(b"")
    return folder


def test_undecodable_image_files_are_preserved_with_a_plain_reason(new_catalogue,
                                                                   card) -> None:
    job = _import(new_catalogue, card)
    assert {Path(f.path).name for f in job.summary.failed} == {"notes.jpg", "empty.jpg"}
    photos = _by_name(new_catalogue)
    assert set(photos) == {"good.jpg", "cut_short.jpg", "exif_only.jpg", "header_only.avif",
                           "lab16.tif", "whole.dng", "cut.dng"}
    for name in ("exif_only.jpg", "header_only.avif", "lab16.tif", "cut.dng"):
        photo = photos[name]
        assert photo.preview_missing, name
        assert "\n" not in photo.preview_missing and "Error" not in photo.preview_missing
        assert f"{PRESERVED}: {photo.preview_missing}" in photo.capture.warnings
        assert photo.thumbnail_path is None
        stored = new_catalogue.layout.resolve(photo.stored_path)
        assert stored.read_bytes() == (card / name).read_bytes(), name
    assert photos["header_only.avif"].format == "AVIF"
    assert photos["header_only.avif"].stored_path.endswith(".avif")
    # A truncated DNG is never accepted on its embedded preview.
    assert photos["cut.dng"].preview_missing == ("the camera raw file is cut short: its sensor "
                                                 "data ends before it should")
    # What metadata could be read is recorded: the EXIF-only file's capture time and camera.
    exif_only = photos["exif_only.jpg"]
    assert exif_only.capture.taken_at is not None
    assert exif_only.capture.camera.model == "Canon EOS 40D"


def test_a_cut_short_jpeg_shows_what_is_there_and_says_how_much_is_missing(
        new_catalogue, tmp_path) -> None:
    jpeg = _noisy_jpeg()
    half, most = tmp_path / "half.jpg", tmp_path / "most.jpg"
    half.write_bytes(jpeg[: len(jpeg) // 2])
    most.write_bytes(jpeg[: len(jpeg) * 97 // 100])
    _import(new_catalogue, half, most)
    photos = _by_name(new_catalogue)
    for photo in photos.values():
        assert photo.preview_missing is None and (photo.width, photo.height) == (800, 600)
        assert new_catalogue.layout.resolve(photo.thumbnail_path).stat().st_size > 0
    missing = [w for w in photos["half.jpg"].capture.warnings if w.startswith("the file is cut")]
    share = int(missing[0].split("about ")[1].split(" %")[0])
    assert 40 <= share <= 60, missing
    inputs = {p.id: p for p in new_catalogue.duplicate_inputs()}
    assert inputs[photos["half.jpg"].id].canonical == ()  # under 90 %: no duplicate hashes
    assert inputs[photos["half.jpg"].id].pixel_hash is None
    assert inputs[photos["most.jpg"].id].canonical != ()  # nearly whole: compared as usual


def test_truncated_decode_does_not_leave_pillow_lenient() -> None:
    from PIL import ImageFile

    jpeg = _noisy_jpeg()
    imaging.analyse_image(jpeg[: len(jpeg) // 2])
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
    with pytest.raises(OSError), Image.open(io.BytesIO(jpeg[: len(jpeg) // 2])) as image:
        image.load()


@pytest.mark.parametrize(("preview_px", "source"), [
    (0, "a half-size decode of its sensor image"),
    (512, "a half-size decode of its sensor image"),  # too small a preview
    (1024, "its embedded preview (1024×683)"),
])
def test_a_dng_is_recorded_at_its_sensor_size(new_catalogue, tmp_path, preview_px,
                                              source) -> None:
    path = write_dng(tmp_path / "shot.dng", 1200, 800, preview_px=preview_px)
    job = _import(new_catalogue, path)
    assert job.summary.imported == 1
    (photo,) = new_catalogue.photos()
    assert (photo.format, photo.width, photo.height) == ("DNG", 1200, 800)
    assert photo.preview_missing is None
    assert f"camera raw: thumbnail and hashes come from {source}" in photo.capture.warnings
    assert photo.capture.camera.make == "Testcam"
    assert photo.capture.taken_at.isoformat() == "2024-05-06T07:08:09"
    with Image.open(new_catalogue.layout.resolve(photo.thumbnail_path)) as thumb:
        assert max(thumb.size) == imaging.THUMBNAIL_PX and thumb.size[0] > thumb.size[1]


def test_raw_formats_are_told_by_signature_and_suffix() -> None:
    assert raw.raw_format("TIFF", ".NEF", b"II*\x00") == "NEF"
    assert raw.raw_format("TIFF", ".tif", b"II*\x00") is None
    assert raw.raw_format("ORF", ".jpg", b"IIRO") == "ORF"
    assert raw.raw_format("ISO-BMFF", ".cr3", b"\x00\x00\x00\x18ftypcrx \x00\x00\x00\x01crx ") \
        == "CR3"
    assert raw.raw_format(None, ".dng", b"hello") is None


def test_verify_passes_and_sees_a_changed_marker(new_catalogue, card) -> None:
    _import(new_catalogue, card, workers=2)
    assert _verify(new_catalogue) == []
    photo = _by_name(new_catalogue)["lab16.tif"]
    new_catalogue._conn.execute("UPDATE photos SET preview_missing = NULL WHERE id = ?",
                                (photo.id,))
    new_catalogue._conn.commit()
    problems = _verify(new_catalogue)
    assert any(f"photo {photo.id}" in p and "preview_missing" in p for p in problems), problems


def test_grid_duplicates_and_json_take_photos_without_a_preview(new_catalogue, card,
                                                                tmp_path) -> None:
    shutil.copy(card / "cut.dng", card / "cut_again.dng")  # same bytes: one photo, two paths
    (card / "other_cut.dng").write_bytes((card / "cut.dng").read_bytes()[:-1000])
    _import(new_catalogue, card)
    photos = _by_name(new_catalogue)
    rows = {r.id: r for r in new_catalogue.grid_rows(PhotoFilter())}
    for name in ("lab16.tif", "cut.dng", "other_cut.dng"):
        assert rows[photos[name].id].thumbnail_path is None
    from catalog_app.core.dedup import find_groups

    groups = find_groups(new_catalogue.duplicate_inputs(), decisions=None)
    no_preview = {p.id for p in photos.values() if p.preview_missing}
    for group in groups:  # no-preview photos never pair by (all-zero) perceptual hashes
        members = {m.photo for m in group.members}
        assert group.kind == "same-bytes" or not members & no_preview, group
    from catalog_app import jsonout

    shown = jsonout.photo(photos["cut.dng"], new_catalogue.layout)
    assert shown["preview_missing"] and shown["phash"] is None and shown["thumbnail_path"] is None


def test_the_card_can_be_wiped_and_the_package_holds_every_preserved_file(card, tmp_path,
                                                                         capsys) -> None:
    catalogue = tmp_path / "catalogue"
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
              for p in card.iterdir() if p.name not in {"notes.jpg", "empty.jpg"}}
    assert cli.main(["--catalogue", str(catalogue), "import", "--json", str(card)]) != 0
    summary = json.loads(capsys.readouterr().out)
    assert list(summary)[:2] == ["do_not_wipe", "not_preserved"]
    assert summary["do_not_wipe"] == "Do not wipe the card yet: 2 files were not preserved"
    assert {Path(f["path"]).name for f in summary["not_preserved"]} == {"notes.jpg",
                                                                         "empty.jpg"}
    shutil.rmtree(card)  # the card is wiped
    out = tmp_path / "package"
    assert cli.main(["--catalogue", str(catalogue), "export", "package", str(out),
                     "--include-untagged"]) == 0
    held = {hashlib.sha256(p.read_bytes()).hexdigest() for p in (out / "originals").iterdir()}
    assert set(before.values()) <= held
    assert cli.main(["--catalogue", str(catalogue), "verify"]) == 0


def test_the_summary_says_do_not_wipe_first(tmp_path, capsys) -> None:
    card = tmp_path / "card"
    card.mkdir()
    (card / "notes.jpg").write_text("text\n")
    (card / "good.jpg").write_bytes(_noisy_jpeg())
    cli.main(["--catalogue", str(tmp_path / "c"), "import", str(card)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Do not wipe the card yet: 1 file was not preserved:"
    assert lines[1].startswith("  not preserved: ") and "notes.jpg" in lines[1]


def test_the_window_says_do_not_wipe_first(qtbot) -> None:
    from catalog_app.core.models import ImportFailure, ImportSummary
    from catalog_app.gui.views.import_panel import ImportSummaryDialog

    summary = ImportSummary(imported=3, failed=[ImportFailure("/card/a.jpg", "empty file")])
    dialog = ImportSummaryDialog(summary)
    qtbot.addWidget(dialog)
    first = dialog.layout().itemAt(0).widget()
    assert first is dialog.wipe_warning and not dialog.wipe_warning.isHidden()
    assert "Do not wipe the card yet: 1 file was not preserved" in first.text()
    assert dialog.table.item(0, 2).text() == "not preserved"
    kept = ImportSummaryDialog(ImportSummary(imported=3))
    qtbot.addWidget(kept)
    assert kept.wipe_warning.isHidden()


def test_previews_of_a_raw_and_a_cut_short_jpeg_show_what_is_there(tmp_path) -> None:
    dng = write_dng(tmp_path / "shot.dng", 1200, 800)
    shown = imaging.render_preview(dng, 400)
    assert shown.size == (400, 267)  # half-size decode, fitted
    jpeg = _noisy_jpeg()
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(jpeg[: len(jpeg) // 2])
    assert max(imaging.render_preview(cut, 400).size) == 400
    whole = write_dng(tmp_path / "whole.dng", 1200, 800).read_bytes()
    (tmp_path / "short.dng").write_bytes(whole[: len(whole) // 2])
    with pytest.raises(imaging.UnreadableImage, match="cut short"):
        imaging.render_preview(tmp_path / "short.dng", 400)


def test_a_gallery_withholds_each_photo_without_a_preview(tmp_path, card, capfd) -> None:
    catalogue = tmp_path / "catalogue"
    cli.main(["--catalogue", str(catalogue), "import", str(card)])
    capfd.readouterr()
    out = tmp_path / "gallery"
    status = cli.main(["--catalogue", str(catalogue), "export", "gallery", str(out),
                       "--include-untagged"])
    printed, err = capfd.readouterr()
    assert status == 1 and (out / "index.html").is_file()
    assert err == ""  # LibRaw's own messages never reach the terminal
    failed = [line for line in printed.splitlines() if line.startswith("  failed: photo ")]
    # the four photos with no preview are withheld with their reason (not failures); the JPEG
    # cut short, whose original decodes only in part, fails with its reason in plain words
    assert "4 photos withheld: 4 photos with no preview" in printed, printed
    assert len(failed) == 1, printed
    assert all("the photo cannot be shown (" in line for line in failed)
    assert "Gallery written to" in printed and "2 photos" in printed


def test_verify_repair_rebuilds_a_raw_thumbnail_as_its_import_made_it(new_catalogue,
                                                                       tmp_path) -> None:
    _import(new_catalogue, write_dng(tmp_path / "shot.dng", 1200, 800))
    (photo,) = new_catalogue.photos()
    thumb = new_catalogue.layout.resolve(photo.thumbnail_path)
    made = thumb.read_bytes()
    thumb.write_bytes(b"damaged")
    job = VerifyJob(new_catalogue, workers=1, repair=True, actor=ACTOR)
    list(job.run())
    assert job.report.repaired and thumb.read_bytes() == made


def test_a_streamed_file_is_recorded_as_one_read_whole(tmp_path, monkeypatch) -> None:
    """Above WHOLE_BYTES a file is hashed and copied in chunks and decoded from its copy:
    the record is the same as when it is read whole."""
    from catalog_app.db.catalogue import Catalogue
    from catalog_app.services import reading

    card = tmp_path / "card"
    card.mkdir()
    shutil.copy(CORPUS / "exif-samples/jpg/Canon_40D.jpg", card / "canon.jpg")
    write_dng(card / "shot.dng", 1200, 800, preview_px=1024)
    jpeg = _noisy_jpeg()
    (card / "cut.jpg").write_bytes(jpeg[: len(jpeg) // 2])
    records = []
    for limit in (reading.WHOLE_BYTES, 1000):
        monkeypatch.setattr(reading, "WHOLE_BYTES", limit)
        with Catalogue.open(tmp_path / f"c{limit}", create=True) as catalogue:
            _import(catalogue, card)
            records.append({Path(p.sources[0].path).name: (
                p.sha256, p.width, p.height, p.phash, p.capture.taken_at, p.capture.warnings,
                catalogue.layout.resolve(p.stored_path).read_bytes())
                for p in catalogue.photos()})
    assert records[0] == records[1] and len(records[0]) == 3


def test_the_photos_list_marks_no_preview_and_same_shot(tmp_path, card, capsys) -> None:
    catalogue = tmp_path / "catalogue"
    cli.main(["--catalogue", str(catalogue), "import", str(card)])
    capsys.readouterr()
    assert cli.main(["--catalogue", str(catalogue), "photos"]) == 0
    out = capsys.readouterr().out.splitlines()
    (lab,) = [line for line in out if "lab16.tif" in line]
    (good,) = [line for line in out if "good.jpg" in line]
    assert lab.endswith("lab16.tif (original preserved, no preview)")
    assert good.endswith("good.jpg")


def test_a_full_disk_while_copying_a_raw_stops_the_import_with_its_sentence(
        new_catalogue, tmp_path, monkeypatch) -> None:
    """A raw is decoded from its copy: a copy that cannot be written is the disk's fault."""
    import errno

    from catalog_app.core import store
    from catalog_app.errors import CatalogueFull

    card = tmp_path / "card"
    card.mkdir()
    for n in range(3):
        write_dng(card / f"R{n}.dng", 600, 400, seed=n)
    real, calls = store.PendingOriginal.write, []

    def fills_up(self):
        calls.append(1)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self)

    monkeypatch.setattr(store.PendingOriginal, "write", fills_up)
    job = ImportJob(new_catalogue, [str(card)], ACTOR, workers=0)
    with pytest.raises(CatalogueFull, match=r"is full; 1 photo was recorded and stays"):
        list(job.run())
    assert new_catalogue.failures() == []
    assert list(new_catalogue.layout.originals.glob("*/.*.part")) == []
