"""Metadata read by catalog_app agrees with exiftool's values (committed fixture), across the
corpus and the files crafted for issue 13 (tests/support/crafted_metadata.py)."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone

import pytest

from catalog_app.core.metadata import parse_exif_datetime, read_description, read_metadata
from catalog_app.core.models import TimeSource
from tests.conftest import CORPUS, FIXTURES
from tests.support import crafted_metadata

_FIXTURE = json.loads((FIXTURES / "exiftool_reference.json").read_text("utf-8"))
REFERENCE = {**_FIXTURE["files"], **_FIXTURE["crafted"]}
# exiftool 12.57 shows a coordinate with a 0/0 part as "" (it calls the part undef); the same
# position written without the unused part is what it reads, so that file is the oracle.
SAME_POSITION = {"crafted/gps_decimal_minutes.jpg": "crafted/gps_two_parts.jpg"}
_ZONED = re.compile(r"^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?"
                    r"(Z|[+-]\d{2}:\d{2})?$")


def _data(rel: str) -> bytes:
    if rel.startswith("crafted/"):
        return crafted_metadata.make(rel.removeprefix("crafted/"))
    return (CORPUS / rel).read_bytes()


def _exiftool_moment(text: object) -> datetime | None:
    """exiftool's form of an XMP or IPTC date ('2011:03:12 15:36:11.00+01:00'); None for a
    date without a time of day."""
    match = _ZONED.match(str(text).strip())
    if not match:
        return None
    y, mo, d, h, mi, s, frac, zone = match.groups()
    moment = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0),
                      int(((frac or "") + "000000")[:6]))
    if zone:
        sign = -1 if zone.startswith("-") else 1
        hours, minutes = (0, 0) if zone == "Z" else map(int, zone[1:].split(":"))
        moment = moment.replace(tzinfo=timezone(sign * timedelta(hours=hours, minutes=minutes)))
    return moment


def _expected_time(ref: dict) -> tuple[datetime | None, TimeSource | None]:
    """The capture time exiftool shows, following our documented fallback order: EXIF's
    capture tags (Exif IFD, then IFD0), XMP, IPTC, then IFD0's ModifyDate."""
    pairs = (("ExifIFD:DateTimeOriginal", "ExifIFD:SubSecTimeOriginal"),
             ("IFD0:DateTimeOriginal", "ExifIFD:SubSecTimeOriginal"),
             ("ExifIFD:CreateDate", "ExifIFD:SubSecTimeDigitized"),
             ("IFD0:CreateDate", "ExifIFD:SubSecTimeDigitized"))
    for tag, subsec_tag in pairs:
        value = ref.get(tag)
        if isinstance(value, str) and parse_exif_datetime(value) is not None:
            subsec = ref.get(subsec_tag)
            return parse_exif_datetime(value, str(subsec) if subsec is not None else None), None
    for tag in ("XMP-exif:DateTimeOriginal", "XMP-xmp:CreateDate", "XMP-photoshop:DateCreated"):
        moment = _exiftool_moment(ref.get(tag, ""))
        if moment is not None:
            return moment, TimeSource.XMP
    if ref.get("IPTC:DateCreated") and ref.get("IPTC:TimeCreated"):
        moment = _exiftool_moment(f"{ref['IPTC:DateCreated']} {ref['IPTC:TimeCreated']}")
        if moment is not None:
            return moment, TimeSource.IPTC
    value = ref.get("IFD0:ModifyDate")
    if isinstance(value, str) and parse_exif_datetime(value) is not None:
        subsec = ref.get("ExifIFD:SubSecTime")
        return parse_exif_datetime(value, str(subsec) if subsec is not None else None), None
    return None, None


def _signed(ref: dict, axis: str, negative: str) -> float | None:
    value = ref.get(f"GPS:GPS{axis}")
    if not isinstance(value, int | float):
        xmp = ref.get(f"XMP-exif:GPS{axis}")
        return float(xmp) if isinstance(xmp, int | float) else None  # signed already
    sign = -1 if str(ref.get(f"GPS:GPS{axis}Ref", "")).upper().startswith(negative) else 1
    return sign * float(value)


@pytest.mark.parametrize("rel", sorted(REFERENCE))
def test_capture_time_and_position_match_exiftool(rel: str) -> None:
    ref = REFERENCE[rel]
    info = read_metadata(_data(rel))

    expected, source = _expected_time(ref)
    if rel.startswith("crafted/year_"):
        assert info.taken_at is None and any("calendar" in w for w in info.warnings)
    elif expected is None:
        assert info.taken_at is None, f"we found a time exiftool does not have: {info}"
    else:
        assert info.taken_at is not None
        assert info.taken_at.replace(tzinfo=None) == expected.replace(tzinfo=None)
        if source is not None:
            assert info.time_source is source
        if expected.tzinfo is not None:
            assert info.taken_at.utcoffset() == expected.utcoffset()
    offset = ref.get("ExifIFD:OffsetTimeOriginal")
    if isinstance(offset, str) and "ExifIFD:DateTimeOriginal" in ref and info.taken_at:
        sign = -1 if offset.startswith("-") else 1
        hours, minutes = offset[1:].split(":")
        assert info.time_source is TimeSource.EXIF_OFFSET
        assert info.taken_at.utcoffset() == sign * timedelta(hours=int(hours), minutes=int(minutes))

    position_ref = REFERENCE[SAME_POSITION.get(rel, rel)]
    lat, lon = _signed(position_ref, "Latitude", "S"), _signed(position_ref, "Longitude", "W")
    if lat is None or lon is None or (lat == 0 and lon == 0):
        assert info.gps is None, f"exiftool has no usable position, we have {info.gps}"
    else:
        assert info.gps is not None
        assert info.gps.lat == pytest.approx(lat, abs=1e-6)
        assert info.gps.lon == pytest.approx(lon, abs=1e-6)
        alt = position_ref.get("GPS:GPSAltitude")
        if isinstance(alt, int | float):
            below = position_ref.get("GPS:GPSAltitudeRef") == 1
            assert info.gps.alt == pytest.approx(-alt if below else alt, abs=1e-3)
        elif "GPS:GPSLatitude" in position_ref and "XMP-exif:GPSLatitude" not in position_ref:
            assert info.gps.alt is None


_SERIALS = ("ExifIFD:SerialNumber", "IFD0:CameraSerialNumber", "XMP-exifEX:SerialNumber",
            "XMP-aux:SerialNumber", "Canon:SerialNumber", "Nikon:SerialNumber",
            "Olympus:SerialNumber", "Panasonic:InternalSerialNumber", "Sony:SerialNumber",
            "FujiFilm:InternalSerialNumber", "Pentax:SerialNumber")


@pytest.mark.parametrize("rel", sorted(REFERENCE))
def test_camera_and_orientation_match_exiftool(rel: str) -> None:
    ref = REFERENCE[rel]
    info = read_metadata(_data(rel))
    serial = next((str(ref[t]).strip() for t in _SERIALS if str(ref.get(t, "")).strip()), None)
    make = ref.get("IFD0:Make") or ref.get("ExifIFD:Make")
    model = ref.get("IFD0:Model") or ref.get("ExifIFD:Model")
    for theirs, ours in ((make, info.camera.make), (model, info.camera.model),
                         (serial, info.camera.serial)):
        if theirs is None or str(theirs).strip() == "":
            continue
        assert ours == str(theirs).strip()
    orientation = ref.get("IFD0:Orientation")
    if isinstance(orientation, int) and 1 <= orientation <= 8:
        assert info.orientation == orientation


@pytest.mark.parametrize("rel", sorted(REFERENCE))
def test_titles_captions_and_keywords_match_exiftool(rel: str) -> None:
    ref = REFERENCE[rel]
    described = read_description(_data(rel))
    title = str(ref.get("XMP-dc:Title") or ref.get("IPTC:ObjectName") or "").strip()
    caption = str(ref.get("XMP-dc:Description") or ref.get("IPTC:Caption-Abstract") or "").strip()
    keywords = ref.get("XMP-dc:Subject") or ref.get("IPTC:Keywords")
    if title:
        assert described.title == title
    if caption:
        assert described.caption == caption
    if keywords:
        listed = keywords if isinstance(keywords, list) else [keywords]
        assert list(described.keywords) == [str(k) for k in listed]
    if not (title or caption or keywords):
        assert (described.title, described.caption, described.keywords) == (None, None, ())


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
    crafted = {rel.removeprefix("crafted/") for rel in REFERENCE if rel.startswith("crafted/")}
    assert crafted == set(crafted_metadata.MAKERS)
    assert sum(any(t in r for t in _SERIALS[4:]) for r in REFERENCE.values()) >= 5
    assert any("XMP-xmp:CreateDate" in r for r in REFERENCE.values())
    assert any("IPTC:Caption-Abstract" in r for r in REFERENCE.values())
