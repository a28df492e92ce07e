"""Bad input gets a recorded reason, nothing partial is stored, and the import goes on."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

from catalog_app.services import reading
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR, CORPUS

GOOD = CORPUS / "exif-samples/jpg/Canon_40D.jpg"
BIG = CORPUS / "exif-py/tests/resources/jpg/tests/Xiaomi_Mi_9T_KeyError.jpg"


def _png_bomb(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares a huge image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


def _garbage_exif(jpeg: bytes) -> bytes:
    """The same JPEG with the payload of its EXIF segment overwritten by noise."""
    start = jpeg.index(b"Exif\x00\x00") + 6
    length = struct.unpack(">H", jpeg[start - 8 : start - 6])[0] - 8
    noise = bytes((i * 197 + 13) % 256 for i in range(length))
    return jpeg[:start] + noise + jpeg[start + length :]


@pytest.fixture
def mission(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A card full of trouble, and the reason each bad file must be recorded with."""
    card = tmp_path / "card"
    (card / "DCIM").mkdir(parents=True)
    good = GOOD.read_bytes()
    (card / "DCIM" / "good.jpg").write_bytes(good)
    (card / "DCIM" / "zero.jpg").write_bytes(b"")
    (card / "DCIM" / "notes.jpg").write_text("this is not a photo\n")
    (card / "DCIM" / "truncated.jpg").write_bytes(BIG.read_bytes()[: BIG.stat().st_size // 3])
    (card / "DCIM" / "garbage_exif.jpg").write_bytes(_garbage_exif(good))
    (card / "DCIM" / "bomb.png").write_bytes(_png_bomb(60000, 60000))
    (card / "DCIM" / "broken.jpg").symlink_to(card / "nowhere.jpg")
    (card / "DCIM" / "loop").symlink_to(card)
    os.mkfifo(card / "DCIM" / "pipe.jpg")
    (card / "DCIM" / "readme.txt").write_text("not a photo type")
    odd = card / 'new\nline "quoted" <tag> & ünïcødé.jpg'
    odd.write_bytes(CORPUS.joinpath("exif-samples/jpg/Nikon_D70.jpg").read_bytes())
    raw_name = os.fsencode(card) + b"/latin1-\xe9t\xe9.jpg"  # not valid UTF-8
    with open(raw_name, "wb") as handle:
        handle.write(CORPUS.joinpath("exif-samples/jpg/Pentax_K10D.jpg").read_bytes())
    expected_failures = {
        "zero.jpg": "empty file (0 bytes)",
        "notes.jpg": "not an image: no known image or camera raw signature",
        "broken.jpg": "broken symbolic link",
    }
    if os.geteuid() != 0:  # root reads anything, so only a normal user can meet this case
        locked = card / "DCIM" / "locked.jpg"
        locked.write_bytes(good[:-1] + b"\xd9")
        locked.chmod(0)
        expected_failures["locked.jpg"] = "permission denied"
    return card, expected_failures


def test_bad_files_are_recorded_and_the_rest_imports(new_catalogue, mission) -> None:
    card, expected = mission
    job = ImportJob(new_catalogue, [str(card), str(card / "missing-folder")], ACTOR, workers=2)
    list(job.run())
    failed = {Path(f.path).name: f.reason for f in job.summary.failed}
    for name, fragment in expected.items():
        assert name in failed, f"{name} was not recorded as failed: {failed}"
        assert fragment in failed[name], f"{name}: {failed[name]!r}"
    assert "no such file or folder" in failed["missing-folder"]
    assert set(failed) == set(expected) | {"missing-folder"}

    skipped = {Path(f.path).name: f.reason for f in job.summary.skipped}
    assert "not a regular file" in skipped["pipe.jpg"]
    assert "not a photo file type" in skipped["readme.txt"]
    assert "already scanned" in skipped["loop"]

    names = {Path(s.path).name for p in new_catalogue.photos() for s in p.sources}
    assert {"good.jpg", "garbage_exif.jpg"} <= names
    assert 'new\nline "quoted" <tag> & ünïcødé.jpg' in names
    assert "latin1-\\xe9t\\xe9.jpg" in names  # printable form keeps the undecodable bytes
    # Preserve, then read: an image's signature keeps the file whatever its pixels do.
    by_name = {Path(p.sources[0].path).name: p for p in new_catalogue.photos()}
    assert by_name["bomb.png"].preview_missing == ("image is too large to decode safely (more "
                                                   "than 200,000,000 pixels)")
    truncated = by_name["truncated.jpg"]
    assert truncated.preview_missing is None and truncated.thumbnail_path is not None
    assert any(w.startswith("the file is cut short: about ")
               for w in truncated.capture.warnings)
    assert job.summary.imported == new_catalogue.count_photos() == 6
    # Nothing partial: one stored original per photo, no leftover part files.
    stored = [p for p in new_catalogue.layout.originals.rglob("*") if p.is_file()]
    assert len(stored) == 6
    assert not list(new_catalogue.layout.root.rglob("*.part"))
    assert len(new_catalogue.failures(job.import_id)) == len(failed)


def test_the_exact_bytes_of_a_non_utf8_name_are_kept(new_catalogue, tmp_path) -> None:
    raw = os.fsencode(tmp_path) + b"/\xff\xfe-odd.jpg"
    with open(raw, "wb") as handle:
        handle.write(GOOD.read_bytes())
    job = ImportJob(new_catalogue, [os.fsdecode(raw)], ACTOR, workers=0)
    list(job.run())
    assert job.summary.imported == 1
    conn = new_catalogue._conn  # the raw column is not part of any public view yet
    assert conn.execute("SELECT path_raw FROM sources").fetchone()[0] == raw


def crashing_read(path: str):
    """Like the real worker, but the process dies outright on a marked file (a segfault)."""
    if Path(path).read_bytes() == b"CRASH-THE-DECODER":
        os._exit(139)
    return reading.read_in_worker(path)


def test_a_decoder_crash_fails_only_the_file_at_fault(new_catalogue, tmp_path) -> None:
    """A worker process that dies is replaced; its files are retried alone."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.jpg", "b.jpg", "c.jpg"):
        (folder / name).write_bytes(CORPUS.joinpath("exif-samples/jpg", {
            "a.jpg": "Canon_40D.jpg", "b.jpg": "Nikon_D70.jpg", "c.jpg": "Pentax_K10D.jpg",
        }[name]).read_bytes())
    (folder / "crash.jpg").write_bytes(b"CRASH-THE-DECODER")
    job = ImportJob(new_catalogue, [str(folder)], ACTOR, workers=2,
                    read_in_worker=crashing_read)
    list(job.run())
    failed = {Path(f.path).name: f.reason for f in job.summary.failed}
    assert list(failed) == ["crash.jpg"]
    assert "crashed" in failed["crash.jpg"]
    assert job.summary.imported == 3
