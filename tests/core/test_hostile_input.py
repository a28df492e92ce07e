"""Mutated real files: the EXIF reader never raises, the decoder fails only with a reason."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog_app.core import imaging, metadata
from catalog_app.errors import UnreadableImage
from tests.conftest import CORPUS

SEEDS = [CORPUS / rel for rel in (
    "exif-samples/jpg/gps/DSCN0010.jpg",
    "exif-samples/jpg/Canon_40D.jpg",
    "exif-samples/heic/mobile/iphone_13_pro_max.HEIC",
    "metadata-extractor-images/png/sampleWithExifData.png",
    "exif-samples/tiff/Arbitro.tiff",
    "exif-py/tests/resources/jxl/test_0001.jxl",
    "exif-py/tests/resources/avif/mountains.avif",
)]
DATA = [p.read_bytes() for p in SEEDS]


@st.composite
def mutated(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(DATA)))
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["flip", "set", "truncate", "insert", "delete"]))
        head = min(len(data), 4096)  # headers and EXIF live near the start: aim there mostly
        pos = draw(st.integers(0, head - 1 if draw(st.booleans()) else len(data) - 1))
        if kind == "flip":
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif kind == "set":
            data[pos] = draw(st.sampled_from([0x00, 0xFF, 0x7F, 0x80]))
        elif kind == "truncate":
            del data[max(pos, 1):]
        elif kind == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=64))
        elif len(data) > pos + 8:
            del data[pos : pos + draw(st.integers(1, 8))]
        if not data:
            data = bytearray(b"\xff")
    return bytes(data)


# CI runs a fixed 250 examples per test; CATALOG_APP_FUZZ_EXAMPLES=N runs N random ones.
_EXAMPLES = int(os.environ.get("CATALOG_APP_FUZZ_EXAMPLES", "0"))
FUZZ = settings(max_examples=_EXAMPLES or 250, deadline=None, derandomize=not _EXAMPLES,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.timeout(240)  # a hang (a decompression bomb, a loop) fails, not a slow machine
@FUZZ
@given(mutated())
def test_metadata_reader_never_raises(data: bytes) -> None:
    info = metadata.read_metadata(data)
    if info.gps is not None:
        assert -90 <= info.gps.lat <= 90 and -180 <= info.gps.lon <= 180
    assert info.orientation in (None, *range(1, 9))


@pytest.mark.timeout(240)
@FUZZ
@given(mutated())
def test_decoder_fails_only_with_a_reason(data: bytes) -> None:
    try:
        rendition = imaging.analyse_image(data)
    except UnreadableImage as exc:
        reason = str(exc)
        assert reason and "\n" not in reason and len(reason) < 200
    else:
        assert rendition.width > 0 and rendition.height > 0 and rendition.thumbnail_jpeg
