"""Maker-note serials of makes with no sample photo (Canon, Fujifilm, Pentax, Sony), written
with libexiv2 into small JPEGs naming that make, read as exiftool reads them."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from catalog_app.core import makernote_serial, metadata

# (make, model, exiv2 key written, value written, the serial exiftool 12.57 prints for it,
# exiftool's tag name). Fujifilm's 0x0010 is what exiftool calls InternalSerialNumber; Sony's
# 0x2031 is stored with its digit pairs last first.
CASES = [
    ("Canon", "Canon EOS 5D Mark IV", "Exif.Canon.SerialNumber", "123456", "0000123456",
     "SerialNumber"),
    ("Canon", "Canon EOS-1D X", "Exif.Canon.SerialNumber", "4321", "004321", "SerialNumber"),
    ("FUJIFILM", "X-T3", "Exif.Fujifilm.SerialNumber", "FF02B1234567", "FF02B1234567",
     "InternalSerialNumber"),
    ("PENTAX", "PENTAX K-3", "Exif.Pentax.SerialNumber", "7654321", "7654321", "SerialNumber"),
    ("SONY", "ILCE-9", "Exif.Sony1.SerialNumber", "00012345", "45230100", "SerialNumber"),
    ("SONY", "ILCE-9", "Exif.Sony1.SerialNumber", "03214365", "65432103", "SerialNumber"),
]


def _with_maker_note(make: str, model: str, key: str, value: str) -> bytes:
    import exiv2

    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = make, model
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (90, 120, 150)).save(buffer, "JPEG", exif=exif)
    image = exiv2.ImageFactory.open(buffer.getvalue())
    image.readMetadata()
    data = image.exifData()
    data[key] = value  # libexiv2 creates the maker note of the make's kind
    image.setExifData(data)
    image.writeMetadata()
    stream = image.io()
    return bytes(stream.mmap()[:stream.size()])


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("makernotes")
    paths = []
    for n, (make, model, key, value, _, _) in enumerate(CASES):
        path = folder / f"{n}_{make}.jpg"
        path.write_bytes(_with_maker_note(make, model, key, value))
        paths.append(path)
    return paths


@pytest.mark.parametrize("n", range(len(CASES)))
def test_a_crafted_maker_note_serial_is_read(crafted, n: int) -> None:
    _, model, _, _, printed, _ = CASES[n]
    data = crafted[n].read_bytes()
    assert metadata.read_metadata(data).camera.serial == printed
    assert makernote_serial.maker_note_serial(data, model) == printed


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool is not installed")
def test_crafted_maker_notes_read_as_exiftool_reads_them(crafted) -> None:
    done = subprocess.run(["exiftool", "-json", "-MakerNotes:SerialNumber",
                           "-MakerNotes:InternalSerialNumber", *map(str, crafted)],
                          capture_output=True, text=True, check=True)
    found = {Path(row["SourceFile"]).name: row for row in json.loads(done.stdout)}
    for path, (_, _, _, _, printed, tag) in zip(crafted, CASES, strict=True):
        assert str(found[path.name][tag]).zfill(len(printed)) == printed, found[path.name]
