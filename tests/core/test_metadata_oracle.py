"""EXIF read by catalog_app agrees with exiftool's values (committed fixture) across the corpus."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from catalog_app.core.metadata import parse_exif_datetime, read_metadata
from catalog_app.core.models import TimeSource
from tests.conftest import CORPUS, FIXTURES

REFERENCE = json.loads((FIXTURES / "exiftool_reference.json").read_text("utf-8"))["files"]


def _expected_time(ref: dict):
    """The capture time exiftool shows, following our documented fallback order."""
    pairs = (("ExifIFD:DateTimeOriginal", "ExifIFD:SubSecTimeOriginal"),
             ("ExifIFD:CreateDate", "ExifIFD:SubSecTimeDigitized"),
             ("IFD0:ModifyDate", "ExifIFD:SubSecTime"))
    for tag, subsec_tag in pairs:
        value = ref.get(tag)
        if isinstance(value, str) and parse_exif_datetime(value) is not None:
            subsec = ref.get(subsec_tag)
            return parse_exif_datetime(value, str(subsec) if subsec is not None else None)
    return None


def _signed(ref: dict, axis: str, negative: str):
    value = ref.get(f"GPS:GPS{axis}")
    if not isinstance(value, int | float):
        return None
    sign = -1 if str(ref.get(f"GPS:GPS{axis}Ref", "")).upper().startswith(negative) else 1
    return sign * float(value)


@pytest.mark.parametrize("rel", sorted(REFERENCE))
def test_capture_time_and_position_match_exiftool(rel: str) -> None:
    ref = REFERENCE[rel]
    info = read_metadata((CORPUS / rel).read_bytes())

    expected = _expected_time(ref)
    if expected is None:
        assert info.taken_at is None, f"we found a time exiftool's EXIF does not have: {info}"
    else:
        assert info.taken_at is not None
        assert info.taken_at.replace(tzinfo=None) == expected
    offset = ref.get("ExifIFD:OffsetTimeOriginal")
    if isinstance(offset, str) and "ExifIFD:DateTimeOriginal" in ref:
        sign = -1 if offset.startswith("-") else 1
        hours, minutes = offset[1:].split(":")
        assert info.time_source is TimeSource.EXIF_OFFSET
        assert info.taken_at.utcoffset() == sign * timedelta(hours=int(hours), minutes=int(minutes))

    lat, lon = _signed(ref, "Latitude", "S"), _signed(ref, "Longitude", "W")
    if lat is None or lon is None or (lat == 0 and lon == 0):
        assert info.gps is None, f"exiftool has no usable EXIF position, we have {info.gps}"
    else:
        assert info.gps is not None
        assert info.gps.lat == pytest.approx(lat, abs=1e-6)
        assert info.gps.lon == pytest.approx(lon, abs=1e-6)
        alt = ref.get("GPS:GPSAltitude")
        if isinstance(alt, int | float):
            below = ref.get("GPS:GPSAltitudeRef") == 1
            assert info.gps.alt == pytest.approx(-alt if below else alt, abs=1e-3)
        else:
            assert info.gps.alt is None


@pytest.mark.parametrize("rel", sorted(REFERENCE))
def test_camera_and_orientation_match_exiftool(rel: str) -> None:
    ref = REFERENCE[rel]
    info = read_metadata((CORPUS / rel).read_bytes())
    for tag, ours in (("IFD0:Make", info.camera.make), ("IFD0:Model", info.camera.model),
                      ("ExifIFD:SerialNumber", info.camera.serial)):
        theirs = ref.get(tag)
        if theirs is None or str(theirs).strip() == "":
            continue
        assert ours == str(theirs).strip()
    orientation = ref.get("IFD0:Orientation")
    if isinstance(orientation, int) and 1 <= orientation <= 8:
        assert info.orientation == orientation


def test_the_reference_covers_the_special_cases() -> None:
    """The fixture holds what the corpus README promises, so the checks above mean something."""
    with_gps = [r for r in REFERENCE.values() if isinstance(r.get("GPS:GPSLatitude"), float)]
    assert len(with_gps) >= 25
    assert any(r.get("GPS:GPSLongitudeRef") == "W" for r in with_gps)
    assert any(r.get("GPS:GPSLatitudeRef") == "S" for r in with_gps)
    assert any(r.get("GPS:GPSAltitudeRef") == 1 for r in with_gps)
    assert sum("ExifIFD:OffsetTimeOriginal" in r for r in REFERENCE.values()) >= 7
    orientations = {r.get("IFD0:Orientation") for r in REFERENCE.values()}
    assert set(range(1, 9)) <= orientations
