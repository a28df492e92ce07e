"""Bad input found by trying it (issue 13): what the scan finds, what the readers refuse."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from PIL import Image

from catalog_app import cli
from catalog_app.core import imaging
from catalog_app.core.scan import OWN_FOLDER, Found, Passed, scan
from catalog_app.db.catalogue import Catalogue
from catalog_app.services import reading
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR, CORPUS
from tests.support.crafted_metadata import make

GOOD = CORPUS / "exif-samples/jpg/Canon_40D.jpg"


def _hits(paths, **kwargs) -> tuple[dict[str, Found], dict[str, Passed]]:
    found, passed = {}, {}
    for hit in scan([str(p) for p in paths], **kwargs):
        (found if isinstance(hit, Found) else passed)[os.path.basename(hit.path)] = hit
    return found, passed


def _lzw_tiff_with_damaged_strips() -> bytes:
    """An LZW TIFF whose strip data is overwritten: libtiff prints 'Using code not yet in
    table' straight to file descriptor 2 while decoding it."""
    import io

    out = io.BytesIO()
    Image.linear_gradient("L").convert("RGB").resize((300, 200)).save(
        out, "TIFF", compression="tiff_lzw")
    data = bytearray(out.getvalue())
    data[200:3000] = b"\xff" * 2800
    return bytes(data)


def test_files_skipped_by_name_are_decided_by_their_content(tmp_path: Path) -> None:
    card = tmp_path / "card"
    card.mkdir()
    jpeg = GOOD.read_bytes()
    (card / "burst.mpo").write_bytes(jpeg)
    (card / ".jpg").write_bytes(jpeg)  # a file whose whole name is the extension
    (card / "export.dat").write_bytes(make("png_exif_chunk.png"))
    (card / "notes.txt").write_text("not a photo\n")
    (card / "BM-notes").write_text("BM is how this text starts\n")
    (card / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" * 4)
    heic = CORPUS / "exif-samples/heic/" / sorted(os.listdir(CORPUS / "exif-samples/heic"))[0]
    (card / "phone.bin").write_bytes(heic.read_bytes())
    found, passed = _hits([card])
    assert set(found) == {"burst.mpo", ".jpg", "export.dat", "phone.bin"}
    assert "clip.mp4" in passed  # a video's ftyp box is not an image's
    assert "its content is not an image" in passed["notes.txt"].reason
    assert "BM-notes" in passed and not passed["notes.txt"].failed


def test_a_link_on_the_card_to_a_file_outside_it_is_recorded_with_its_target(
        tmp_path: Path, new_catalogue) -> None:
    card, elsewhere = tmp_path / "card", tmp_path / "elsewhere"
    card.mkdir()
    elsewhere.mkdir()
    shutil.copy(GOOD, elsewhere / "far.jpg")
    (card / "far.jpg").symlink_to(elsewhere / "far.jpg")
    (card / "sub").symlink_to(elsewhere, target_is_directory=True)
    shutil.copy(CORPUS / "exif-samples/jpg/Nikon_D70.jpg", card / "near.jpg")
    (card / "near-link.jpg").symlink_to(card / "near.jpg")

    found, _ = _hits([card])
    assert str(elsewhere / "far.jpg") in (found["far.jpg"].note or "")
    assert found["near-link.jpg"].note is None  # a link within the card: nothing to say
    assert "near.jpg" not in found  # the same file as near-link.jpg, found once

    job = ImportJob(new_catalogue, [str(card)], ACTOR, workers=0)
    list(job.run())
    assert job.summary.imported == 2
    far = next(p for p in new_catalogue.photos()
               if any("symbolic link" in w for w in p.capture.warnings))
    note = next(w for w in far.capture.warnings if "symbolic link" in w)
    assert str(elsewhere / "far.jpg") in note and "outside the folder imported" in note


def test_the_catalogues_own_folder_is_never_scanned(tmp_path: Path) -> None:
    card = tmp_path / "card"
    card.mkdir()
    shutil.copy(GOOD, card / "a.jpg")
    with Catalogue.open(card / "catalogue", create=True) as catalogue:
        for _ in range(2):
            job = ImportJob(catalogue, [str(card)], ACTOR, workers=0)
            list(job.run())
        assert len(catalogue.photos()) == 1  # no thumbnail of its own became a photo
        assert any(s.reason == OWN_FOLDER for s in job.summary.skipped)
        job = ImportJob(catalogue, [str(card / "catalogue" / "thumbnails")], ACTOR, workers=0)
        list(job.run())
        assert job.summary.imported == 0
    _, passed = _hits([card], exclude=[str(card / "catalogue")])
    assert passed["catalogue"].reason == OWN_FOLDER


def test_a_catalogue_is_not_created_inside_the_folder_being_imported(tmp_path: Path, capsys,
                                                                      monkeypatch) -> None:
    card = tmp_path / "card"
    card.mkdir()
    shutil.copy(GOOD, card / "a.jpg")
    monkeypatch.chdir(tmp_path)
    for _ in range(2):  # `catalog-app --catalogue card import card`, twice
        assert cli.main(["--catalogue", "card", "import", "card"]) == 2
        assert "cannot be made" in capsys.readouterr().err
    assert sorted(p.name for p in card.iterdir()) == ["a.jpg"]  # nothing written on the card
    assert cli.main(["--catalogue", "card/inner", "import", "card", "--json"]) == 2
    assert not (card / "inner").exists()


def test_a_fifo_swapped_in_after_the_scan_is_refused_at_once(new_catalogue, tmp_path) -> None:
    card = tmp_path / "card"
    card.mkdir()
    path = card / "swapped.jpg"
    shutil.copy(GOOD, path)
    found, _ = _hits([card])
    assert "swapped.jpg" in found
    path.unlink()
    os.mkfifo(path)
    result: list = []
    reader = reading.FileReader(new_catalogue.layout.root, in_place=False)
    worker = threading.Thread(target=lambda: result.append(reader.read(str(path))), daemon=True)
    worker.start()
    worker.join(30)  # a blocking open would wait here for a writer that never comes
    reader.close()
    assert result, "reading the FIFO blocked"
    assert "not a regular file" in result[0].reason


def test_libtiff_messages_do_not_reach_stderr_and_reasons_are_plain(
        new_catalogue, tmp_path, capfd) -> None:
    card = tmp_path / "card"
    card.mkdir()
    (card / "damaged.tif").write_bytes(_lzw_tiff_with_damaged_strips())
    jxl = (CORPUS / "exif-py/tests/resources/jxl/test_0001.jxl").read_bytes()
    (card / "cut.jxl").write_bytes(jxl[: len(jxl) // 3])
    shutil.copy(GOOD, card / "good.jpg")
    job = ImportJob(new_catalogue, [str(card)], ACTOR, workers=0)
    list(job.run())
    _, err = capfd.readouterr()
    assert "table" not in err and "TIFF" not in err, err
    assert job.summary.failed == []  # both have an image's signature: preserved
    by_name = {Path(p.sources[0].path).name: p for p in new_catalogue.photos()}
    reasons = {name: by_name[name].preview_missing for name in ("damaged.tif", "cut.jxl")}
    for reason in reasons.values():
        assert reason in {"image data is damaged or uses a feature the decoder does not support",
                          "image data is truncated (the file is incomplete)"}, reason
    assert job.summary.imported == 3


def test_damaged_data_reason_has_no_exception_text() -> None:
    with pytest.raises(imaging.UnreadableImage) as caught:
        imaging.analyse_image(_lzw_tiff_with_damaged_strips())
    assert str(caught.value) == ("image data is damaged or uses a feature the decoder does not "
                                 "support")


@pytest.mark.parametrize("name", ["year_9999.jpg", "year_0001.jpg"])
def test_a_date_at_the_calendars_ends_is_a_warning_and_the_import_goes_on(
        new_catalogue, tmp_path, name: str) -> None:
    card = tmp_path / "card"
    card.mkdir()
    (card / name).write_bytes(make(name))
    shutil.copy(GOOD, card / "good.jpg")
    job = ImportJob(new_catalogue, [str(card)], ACTOR, workers=0)
    list(job.run())
    assert job.summary.imported == 2 and not job.summary.failed
    assert new_catalogue.import_status(job.import_id) != "running"
    odd = next(p for p in new_catalogue.photos() if p.capture.taken_at is None)
    assert any("ends of the calendar" in w for w in odd.capture.warnings)
