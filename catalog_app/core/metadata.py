"""Read capture metadata from a photo's EXIF with exifread, into typed values."""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any, BinaryIO

import exifread

from catalog_app.core import timezones
from catalog_app.core.models import Camera, CaptureInfo, GeoPoint, TimeSource

_DATETIME = re.compile(r"^\s*(\d{4})[:\-/.](\d{2})[:\-/.](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
# (date tag, sub-second tag, offset tag), most to least specific about the moment of capture.
_TIME_TAGS = (
    ("EXIF DateTimeOriginal", "EXIF SubSecTimeOriginal", "EXIF OffsetTimeOriginal"),
    ("EXIF DateTimeDigitized", "EXIF SubSecTimeDigitized", "EXIF OffsetTimeDigitized"),
    ("Image DateTime", "EXIF SubSecTime", "EXIF OffsetTime"),
)
_SERIAL_TAGS = ("EXIF BodySerialNumber", "Image CameraSerialNumber", "Image BodySerialNumber")


def read_metadata(source: bytes | BinaryIO) -> CaptureInfo:
    """Read a file's EXIF into a CaptureInfo. Never raises for bad EXIF: it records warnings."""
    stream = io.BytesIO(source) if isinstance(source, bytes | bytearray) else source
    warnings: list[str] = []
    first: list[str] = []
    with _exifread_log(first):
        tags = _exif_tags(stream, first)
    if tags:
        warnings.extend(first)
    else:
        # exifread reads only the first APP1 segment, and trips on some HEIF layouts; Pillow
        # still finds the EXIF block there, which exifread then parses on its own.
        stream.seek(0)
        block = _exif_block(stream)
        second: list[str] = []
        if block:
            with _exifread_log(second):
                tags = _exif_tags(io.BytesIO(block), second)
        warnings.extend(second if tags else [w for w in first + second if not _no_exif(w)])
    taken_at, time_warnings = _capture_time(tags)
    warnings.extend(time_warnings)
    gps, gps_warnings = _position(tags)
    warnings.extend(gps_warnings)
    source_kind = TimeSource.NONE
    if taken_at is not None:
        taken_at, source_kind, zone_warnings = _resolve_zone(taken_at, tags, gps)
        warnings.extend(zone_warnings)
    return CaptureInfo(
        taken_at=taken_at,
        time_source=source_kind,
        gps=gps,
        camera=Camera(
            make=_text(tags.get("Image Make")),
            model=_text(tags.get("Image Model")),
            serial=next((s for s in map(_text, map(tags.get, _SERIAL_TAGS)) if s), None),
        ),
        orientation=_orientation(tags.get("Image Orientation")),
        warnings=tuple(dict.fromkeys(warnings)),
    )


def read_gps_time(data: bytes) -> datetime | None:
    """The GPS receiver's UTC time stamp (GPSDateStamp + GPSTimeStamp), naive UTC, or None."""
    ignored: list[str] = []
    with _exifread_log(ignored):
        tags = _exif_tags(io.BytesIO(data), ignored)
        if not tags:
            block = _exif_block(io.BytesIO(data))
            tags = _exif_tags(io.BytesIO(block), ignored) if block else {}
    return _gps_timestamp(tags)


def _exif_tags(stream: BinaryIO, warnings: list[str]) -> dict[str, Any]:
    try:
        return exifread.process_file(stream, details=False)
    except Exception as exc:  # exifread raises many kinds on hostile input
        warnings.append(f"EXIF could not be read ({type(exc).__name__}: {exc})")
        return {}


def _no_exif(message: str) -> bool:
    """exifread's way of saying a file simply has no EXIF: not a problem with the file."""
    text = message.lower()
    return "does not have exif" in text or "no exif" in text


def _exif_block(stream: BinaryIO) -> bytes | None:
    """The raw TIFF-structured EXIF block as Pillow finds it (header parse only, no decode)."""
    from PIL import Image

    from catalog_app.core.imaging import register_decoders

    register_decoders()
    try:
        with warnings.catch_warnings():  # Pillow's complaints about the block: not ours to print
            warnings.simplefilter("ignore")
            with Image.open(stream) as image:
                block = image.info.get("exif")
    except Exception:
        return None
    if not isinstance(block, bytes) or len(block) < 8:
        return None
    return block[6:] if block.startswith(b"Exif\x00\x00") else block


def parse_exif_datetime(text: str | None, subsec: str | None = None) -> datetime | None:
    """'2024:07:12 14:03:22' (+ sub-seconds '45') -> a naive datetime, or None if not a date."""
    if not text:
        return None
    match = _DATETIME.match(text)
    if not match:
        return None
    try:
        year, month, day, hour, minute, second = (int(g) for g in match.groups())
        moment = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    digits = "".join(ch for ch in (subsec or "") if ch.isdigit())
    if digits:
        moment = moment.replace(microsecond=int((digits + "000000")[:6]))
    return moment


def _capture_time(tags: dict[str, Any]) -> tuple[datetime | None, list[str]]:
    warnings: list[str] = []
    for date_tag, subsec_tag, offset_tag in _TIME_TAGS:
        raw = _text(tags.get(date_tag))
        if raw is None:
            continue
        moment = parse_exif_datetime(raw, _text(tags.get(subsec_tag)))
        if moment is None:
            warnings.append(f"{date_tag.split()[-1]} {raw!r} is not a valid date and time")
            continue
        zone = timezones.parse_offset(_text(tags.get(offset_tag)))
        return (moment.replace(tzinfo=zone) if zone else moment), warnings
    return None, warnings


def _resolve_zone(
    local: datetime, tags: dict[str, Any], gps: GeoPoint | None
) -> tuple[datetime, TimeSource, list[str]]:
    if local.tzinfo is not None:
        return local, TimeSource.EXIF_OFFSET, []
    warnings: list[str] = []
    gps_utc = _gps_timestamp(tags)
    if gps_utc is not None:
        zone, warning = timezones.zone_from_gps_time(local, gps_utc)
        if zone is not None:
            return local.replace(tzinfo=zone), TimeSource.GPS_TIME, []
        warnings.append(warning or "GPS time stamp could not be used")
    if gps is not None:
        zone = timezones.zone_at(gps.lat, gps.lon, local)
        if zone is not None:
            return local.replace(tzinfo=zone), TimeSource.GPS_POSITION, warnings
    return local, TimeSource.UNKNOWN, warnings


def _gps_timestamp(tags: dict[str, Any]) -> datetime | None:
    date = _text(tags.get("GPS GPSDate"))
    stamp = tags.get("GPS GPSTimeStamp")
    if not date or stamp is None:
        return None
    parts = [_ratio(v) for v in getattr(stamp, "values", [])]
    if len(parts) != 3 or any(p is None for p in parts):
        return None
    day = parse_exif_datetime(f"{date.strip()} 00:00:00")
    if day is None:
        return None
    hours, minutes, seconds = (float(p) for p in parts)  # type: ignore[arg-type]
    if not (0 <= hours < 24 and 0 <= minutes < 60 and 0 <= seconds < 61):
        return None
    return day + timedelta(hours=hours, minutes=minutes, seconds=seconds)


def _position(tags: dict[str, Any]) -> tuple[GeoPoint | None, list[str]]:
    lat_tag, lon_tag = tags.get("GPS GPSLatitude"), tags.get("GPS GPSLongitude")
    if lat_tag is None or lon_tag is None:
        return None, []
    lat = _degrees(lat_tag, _text(tags.get("GPS GPSLatitudeRef")), "S")
    lon = _degrees(lon_tag, _text(tags.get("GPS GPSLongitudeRef")), "W")
    if lat is None or lon is None:
        if _all_zero_over_zero(lat_tag) and _all_zero_over_zero(lon_tag):
            return None, []  # an empty GPS block: the device had no fix
        return None, ["GPS position is malformed (a coordinate has a zero denominator)"]
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None, [f"GPS position ({lat}, {lon}) is out of range"]
    if lat == 0 and lon == 0:
        return None, ["GPS position (0, 0) treated as no position"]
    return GeoPoint(lat=lat, lon=lon, alt=_altitude(tags)), []


def _degrees(tag: Any, ref: str | None, negative_ref: str) -> float | None:
    parts = [_ratio(v) for v in getattr(tag, "values", [])][:3]
    if not parts or any(p is None for p in parts):
        return None
    value = sum(float(p) / 60**i for i, p in enumerate(parts))  # type: ignore[arg-type]
    if ref and ref.strip().upper().startswith(negative_ref):
        value = -value
    return round(value, 7)


def _altitude(tags: dict[str, Any]) -> float | None:
    tag = tags.get("GPS GPSAltitude")
    if tag is None or not getattr(tag, "values", None):
        return None
    value = _ratio(tag.values[0])
    if value is None:
        return None
    ref_tag = tags.get("GPS GPSAltitudeRef")
    ref = ref_tag.values[0] if ref_tag is not None and getattr(ref_tag, "values", None) else 0
    below = ref in (1, b"\x01", "1")
    return round(-float(value) if below else float(value), 3)


def _ratio(value: Any) -> float | None:
    denominator = getattr(value, "denominator", 1)
    if denominator == 0:
        return None
    try:
        return float(value)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None


def _all_zero_over_zero(tag: Any) -> bool:
    values = getattr(tag, "values", [])
    return bool(values) and all(
        getattr(v, "numerator", 1) == 0 and getattr(v, "denominator", 1) == 0 for v in values
    )


def _orientation(tag: Any) -> int | None:
    values = getattr(tag, "values", None)
    if not values:
        return None
    value = values[0]
    return value if isinstance(value, int) and 1 <= value <= 8 else None


def _text(tag: Any) -> str | None:
    """The printable value of a tag, stripped of padding and NULs; None when empty."""
    if tag is None:
        return None
    values = getattr(tag, "values", tag)
    text = values.decode("utf-8", "replace") if isinstance(values, bytes) else str(values)
    text = text.replace("\x00", "").strip()
    return text or None


@contextmanager
def _exifread_log(sink: list[str]) -> Iterator[None]:
    """Collect what exifread logs about a file (e.g. 'Possibly corrupted IFD') as warnings."""

    class _Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                sink.append(f"EXIF: {record.getMessage()}")

    logger = logging.getLogger("exifread")
    handler = _Collect()
    previous = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = previous

