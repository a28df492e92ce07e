"""Every camera raw format of issue #13 is told by its first bytes and suffix (crafted headers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog_app.core import raw, signatures
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR

_TIFF_LE = b"II*\x00\x08\x00\x00\x00"
_TIFF_BE = b"MM\x00*\x00\x00\x00\x08"
# (suffix, first bytes as each camera writes them, the signature kind, the format recorded).
# These are headers only: no sample file of these formats is decoded here.
HEADERS = [
    (".cr2", b"II*\x00\x10\x00\x00\x00CR\x02\x00", "TIFF", "CR2"),
    (".cr3", b"\x00\x00\x00\x18ftypcrx \x00\x00\x00\x01crx isom", "ISO-BMFF", "CR3"),
    (".nef", _TIFF_BE, "TIFF", "NEF"),
    (".arw", _TIFF_LE, "TIFF", "ARW"),
    (".raf", b"FUJIFILMCCD-RAW 0201FF383501", "RAF", "RAF"),
    (".orf", b"IIRO\x08\x00\x00\x00", "ORF", "ORF"),
    (".orf", b"IIRS\x08\x00\x00\x00", "ORF", "ORF"),
    (".rw2", b"IIU\x00\x18\x00\x00\x00", "RW2", "RW2"),
    (".pef", _TIFF_LE, "TIFF", "PEF"),
    (".srw", _TIFF_LE, "TIFF", "SRW"),
    (".dng", _TIFF_LE, "TIFF", "DNG"),
    (".3fr", _TIFF_LE, "TIFF", "3FR"),
    (".iiq", b"II*\x00\x08\x00\x00\x00IIII", "TIFF", "IIQ"),  # Phase One's TIFF-wrapped IIQ
]


@pytest.mark.parametrize(("suffix", "head", "kind", "fmt"), HEADERS)
def test_each_raw_format_is_told_by_its_signature_and_suffix(suffix, head, kind,
                                                             fmt) -> None:
    assert signatures.kind_of(head) == kind
    assert raw.raw_format(kind, suffix, head) == fmt
    assert raw.raw_format(kind, suffix.upper(), head) == fmt
    assert raw.RAW_BY_SUFFIX[suffix] == fmt


@pytest.mark.parametrize(("head", "fmt"), [(h, f) for s, h, k, f in HEADERS if k != "TIFF"])
def test_a_raw_signature_names_its_format_whatever_the_suffix(head, fmt) -> None:
    assert raw.raw_format(signatures.kind_of(head), ".jpg", head) == fmt


def test_a_tiff_is_a_raw_only_by_a_raw_suffix() -> None:
    assert raw.raw_format("TIFF", ".tif", _TIFF_LE) is None
    assert raw.raw_format("TIFF", ".tiff", _TIFF_BE) is None
    assert raw.raw_format(None, ".nef", b"not a tiff at all") is None


def test_every_crafted_raw_is_routed_to_libraw_and_preserved(new_catalogue,
                                                             tmp_path: Path) -> None:
    """A header with no sensor data behind it: LibRaw refuses it, the file is still kept
    byte for byte under its own suffix, recorded with its format and no preview."""
    folder = tmp_path / "card"
    folder.mkdir()
    expected = {}
    for n, (suffix, head, _, fmt) in enumerate(HEADERS):
        name = f"shot{n:02d}{suffix}"
        (folder / name).write_bytes(head + bytes(range(256)) * 4 + n.to_bytes(2, "big"))
        expected[name] = fmt
    job = ImportJob(new_catalogue, [str(folder)], ACTOR, workers=0)
    list(job.run())
    assert job.summary.imported == len(HEADERS), job.summary.failed
    photos = {Path(p.sources[0].path).name: p for p in new_catalogue.photos()}
    assert {name: p.format for name, p in photos.items()} == expected
    for name, photo in photos.items():
        assert "camera raw" in photo.preview_missing, (name, photo.preview_missing)  # LibRaw's
        assert photo.thumbnail_path is None
        assert photo.stored_path.endswith(Path(name).suffix), photo.stored_path
        stored = new_catalogue.layout.resolve(photo.stored_path)
        assert stored.read_bytes() == (folder / name).read_bytes(), name
