"""Read capture metadata from a photo's EXIF with exifread, into typed values."""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any, BinaryIO

import exifread

from catalog_app.core import embedded_xmp, gps_values, makernote_serial, timezones
from catalog_app.core.models import Camera, CaptureInfo, GeoPoint, TimeSource

_DATETIME = re.compile(r"^\s*(\d{4})[:\-/.](\d{2})[:\-/.](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
# (date tag, sub-second tag, offset tag), most to least specific about the moment of capture.
# Some cameras (Samsung among them) write DateTimeOriginal / DateTimeDigitized in IFD0.
_TIME_TAGS = (
    ("EXIF DateTimeOriginal", "SubSecTimeOriginal", "OffsetTimeOriginal"),
    ("Image DateTimeOriginal", "SubSecTimeOriginal", "OffsetTimeOriginal"),
    ("EXIF DateTimeDigitized", "SubSecTimeDigitized", "OffsetTimeDigitized"),
    ("Image DateTimeDigitized", "SubSecTimeDigitized", "OffsetTimeDigitized"),
)
# IFD0's DateTime is the file's last change: used only when neither EXIF's capture tags nor
# XMP nor IPTC give a capture time.
_MODIFY_TAG = ("Image DateTime", "SubSecTime", "OffsetTime")
# 0xC62F is DNG's CameraSerialNumber, which exifread names only by number.
_SERIAL_TAGS = ("EXIF BodySerialNumber", "Image CameraSerialNumber", "Image Tag 0xC62F",
                "Image BodySerialNumber")
_XMP_SERIALS = ("exifEX:BodySerialNumber", "aux:SerialNumber")
_IPTC = "IPTC DateCreated + TimeCreated"
_EDGE = timedelta(days=2)  # a capture time this close to datetime's limits cannot be kept
_SHOWN_TEXT = 300  # longest caption or title quoted in a warning


def read_metadata(source: bytes | BinaryIO) -> CaptureInfo:
    """Read a file's EXIF (then XMP and IPTC) into a CaptureInfo.

    Never raises for bad metadata: it records warnings.
    """
    data = bytes(source) if isinstance(source, bytes | bytearray) else source.read()
    header = _Header(data)
    warnings: list[str] = []
    tags = _all_exif_tags(data, header, warnings)
    described, xmp_warnings = _described(header)
    warnings.extend(xmp_warnings)
    gps, gps_warnings = _position(tags)
    warnings.extend(gps_warnings)
    if gps is None:
        gps, xmp_gps_warnings = _xmp_position(described)
        warnings.extend(xmp_gps_warnings)
    taken_at, source_kind, time_warnings = _capture(tags, described, gps)
    warnings.extend(time_warnings)
    if taken_at is not None and not _representable(taken_at):
        warnings.append(f"capture time {taken_at.isoformat()} is too close to the ends of the "
                        "calendar to be placed in UTC; it is not recorded")
        taken_at, source_kind = None, TimeSource.NONE
    make = _text(tags.get("Image Make")) or _text(tags.get("EXIF Make"))
    model = _text(tags.get("Image Model")) or _text(tags.get("EXIF Model"))
    serial = next((s for s in map(_text, map(tags.get, _SERIAL_TAGS)) if s), None)
    serial = serial or next((described.xmp_values[k] for k in _XMP_SERIALS
                             if described.xmp_values.get(k)), None)
    if serial is None and tags and makernote_serial.worth_reading(make):
        serial = makernote_serial.maker_note_serial(data, model)
    warnings.extend(_described_warnings(described))
    return CaptureInfo(
        taken_at=taken_at,
        time_source=source_kind,
        gps=gps,
        camera=Camera(make=make, model=model, serial=serial),
        orientation=_orientation_of(tags, header),
        warnings=tuple(dict.fromkeys(warnings)),
    )


def read_description(data: bytes) -> embedded_xmp.Described:
    """The title, caption and keywords a file's XMP or IPTC carries (with where each was)."""
    described, _ = _described(_Header(data))
    return described


def _all_exif_tags(data: bytes, header: _Header, warnings: list[str]) -> dict[str, Any]:
    first: list[str] = []
    with _exifread_log(first):
        tags = _exif_tags(io.BytesIO(data), first)
    if tags:
        warnings.extend(first)
        return tags
    # exifread reads only the first APP1 segment, trips on some HEIF layouts and knows no
    # PNG "Raw profile type exif" text; Pillow still finds the EXIF block there, which
    # exifread then parses on its own.
    block = header.exif_block()
    second: list[str] = []
    header.exif_was_pillows = block is not None
    if block:
        with _exifread_log(second):
            tags = _exif_tags(io.BytesIO(block), second)
    warnings.extend(second if tags else [w for w in first + second if not _no_exif(w)])
    return tags


def read_gps_time(data: bytes) -> datetime | None:
    """The GPS receiver's UTC time stamp (GPSDateStamp + GPSTimeStamp), naive UTC, or None."""
    ignored: list[str] = []
    with _exifread_log(ignored):
        tags = _exif_tags(io.BytesIO(data), ignored)
        if not tags:
            block = _Header(data).exif_block()
            tags = _exif_tags(io.BytesIO(block), ignored) if block else {}
    return _gps_timestamp(tags)


def _exif_tags(stream: BinaryIO, warnings: list[str]) -> dict[str, Any]:
    try:
        return exifread.process_file(stream, details=False)
    except Exception:  # exifread raises many kinds on hostile input
        warnings.append("EXIF could not be read (its structure is damaged)")
        return {}


def _no_exif(message: str) -> bool:
    """exifread's way of saying a file simply has no EXIF: not a problem with the file."""
    text = message.lower()
    return "does not have exif" in text or "no exif" in text


class _Header:
    """What Pillow finds in a file's header (no pixel decode), opened once and only if asked."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._opened = False
        self.format: str | None = None
        self.info: dict[str, Any] = {}
        self._exif: Any = None
        self._xmp: bytes | str | None = None
        self._iptc: dict[tuple[int, int], Any] | None = None
        self.exif_was_pillows = False  # the EXIF tags came from Pillow's copy of the block

    def _open(self) -> None:
        if self._opened:
            return
        self._opened = True
        from PIL import Image, IptcImagePlugin

        from catalog_app.core.imaging import register_decoders

        register_decoders()
        try:
            with warnings.catch_warnings():  # Pillow's complaints: not ours to print
                warnings.simplefilter("ignore")
                with Image.open(io.BytesIO(self._data)) as image:
                    self.format = image.format
                    self.info = {str(k): v for k, v in image.info.items()}
                    self._exif = _quietly(image.getexif)
                    self._xmp = (self.info.get("xmp") or self.info.get("XML:com.adobe.xmp")
                                 or _quietly(lambda: image.tag_v2.get(700)))  # type: ignore[attr-defined]  # TIFF's XMP tag
                    self._iptc = _quietly(lambda: IptcImagePlugin.getiptcinfo(image))
        except Exception:  # not an image Pillow knows: it simply has nothing more to say
            return

    def exif_block(self) -> bytes | None:
        """The TIFF-structured EXIF block, from the file's own bytes where Pillow found them
        (JPEG APP1, PNG eXIf, HEIF), else as Pillow's getexif() parsed it (PNG's ImageMagick
        "Raw profile type exif" text)."""
        self._open()
        block = self.info.get("exif")
        if not isinstance(block, bytes) or len(block) < 8:
            block = None
            if self._exif:  # getexif() found tags: serialise them for exifread
                block = _quietly(self._exif.tobytes)
        if not isinstance(block, bytes) or len(block) < 8:
            return None
        return block[6:] if block.startswith(b"Exif\x00\x00") else block

    def heif_orientation(self) -> tuple[bool, int | None]:
        """(is HEIF/AVIF, the EXIF orientation before pillow-heif rewrote its copy to 1)."""
        self._open()
        if self.format not in ("HEIF", "AVIF"):
            return False, None
        value = self.info.get("original_orientation")
        return True, value if isinstance(value, int) and 1 <= value <= 8 else None

    def xmp(self) -> bytes | str | None:
        self._open()
        return self._xmp if isinstance(self._xmp, bytes | str) else None

    def iptc(self) -> dict[tuple[int, int], Any]:
        self._open()
        return self._iptc if isinstance(self._iptc, dict) else {}


def _quietly(call: Any) -> Any:
    try:
        return call()
    except Exception:  # a damaged block yields nothing, never an error for the whole file
        return None


def _described(header: _Header) -> tuple[embedded_xmp.Described, list[str]]:
    warnings: list[str] = []
    try:
        xmp = embedded_xmp.read_xmp(header.xmp())
    except ValueError:
        xmp = {}
        warnings.append("XMP metadata is damaged and was not read")
    return embedded_xmp.describe(xmp, header.iptc()), warnings


def _described_warnings(described: embedded_xmp.Described) -> list[str]:
    """Titles, captions and keywords already in the file, kept with the photo's warnings
    (each names where it was read, so it can be offered as a caption later)."""
    notes = []
    for what, text in (("title", described.title), ("caption", described.caption)):
        if text:
            shown = text if len(text) <= _SHOWN_TEXT else text[: _SHOWN_TEXT - 1] + "…"
            notes.append(f"the file has a {what} ({described.sources[what]}): {shown}")
    if described.keywords:
        notes.append(f"the file has keywords ({described.sources['keywords']}): "
                     + "; ".join(described.keywords))
    return notes


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


def _capture(tags: dict[str, Any], described: embedded_xmp.Described, gps: GeoPoint | None
             ) -> tuple[datetime | None, TimeSource, list[str]]:
    """The capture time and where it (and its zone) came from: EXIF's capture tags, else
    XMP, else IPTC, else IFD0's DateTime."""
    warnings: list[str] = []
    moment = _exif_time(tags, _TIME_TAGS, warnings)
    if moment is None:
        fallback, kind, fallback_warnings = _described_time(described, gps)
        warnings.extend(fallback_warnings)
        if fallback is not None:
            return fallback, kind, warnings
        moment = _exif_time(tags, (_MODIFY_TAG,), warnings)
    if moment is None:
        return None, TimeSource.NONE, warnings
    moment, kind, zone_warnings = _resolve_zone(moment, tags, gps)
    return moment, kind, warnings + zone_warnings


def _exif_time(tags: dict[str, Any], candidates: tuple[tuple[str, str, str], ...],
               warnings: list[str]) -> datetime | None:
    for date_tag, subsec_name, offset_name in candidates:
        raw = _text(tags.get(date_tag))
        if raw is None:
            continue
        subsec = _text(tags.get(f"EXIF {subsec_name}")) or _text(tags.get(f"Image {subsec_name}"))
        moment = parse_exif_datetime(raw, subsec)
        if moment is None:
            warnings.append(f"{date_tag.split()[-1]} {raw!r} is not a valid date and time")
            continue
        offset = _text(tags.get(f"EXIF {offset_name}")) or _text(tags.get(f"Image {offset_name}"))
        zone = timezones.parse_offset(offset)
        return moment.replace(tzinfo=zone) if zone else moment
    return None


def _described_time(described: embedded_xmp.Described, gps: GeoPoint | None
                    ) -> tuple[datetime | None, TimeSource, list[str]]:
    """A capture time from XMP (exif:DateTimeOriginal, xmp:CreateDate, photoshop:DateCreated)
    or IPTC, each with the zone written with it; else the zone at the GPS position."""
    warnings: list[str] = []
    found: tuple[datetime, TimeSource, str] | None = None
    for name in embedded_xmp.XMP_DATES:
        text = described.xmp_values.get(name)
        if not text:
            continue
        try:
            found = (embedded_xmp.parse_xmp_date(text), TimeSource.XMP, f"XMP {name}")
            break
        except embedded_xmp.DateProblem as problem:
            warnings.append(f"XMP {name} {problem}")
    if found is None and described.iptc_date:
        try:
            found = (embedded_xmp.parse_iptc_date(described.iptc_date, described.iptc_time),
                     TimeSource.IPTC, _IPTC)
        except embedded_xmp.DateProblem as problem:
            warnings.append(f"IPTC DateCreated {problem}")
    if found is None:
        return None, TimeSource.NONE, warnings
    moment, kind, where = found
    note = f"capture time read from {where} (the EXIF has none)"
    if moment.tzinfo is None and gps is not None:
        zone = _safe_zone_at(gps, moment)
        if zone is not None:
            moment = moment.replace(tzinfo=zone)
            note += "; its zone is the one at the GPS position"
    if moment.tzinfo is None:
        note += "; its zone is unknown"
    warnings.append(note)
    return moment, kind, warnings


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
        zone = _safe_zone_at(gps, local)
        if zone is not None:
            return local.replace(tzinfo=zone), TimeSource.GPS_POSITION, warnings
    return local, TimeSource.UNKNOWN, warnings


def _safe_zone_at(gps: GeoPoint, local: datetime) -> Any:
    try:
        return timezones.zone_at(gps.lat, gps.lon, local.replace(tzinfo=None))
    except (OverflowError, ValueError):  # a local time at the calendar's ends
        return None


def _representable(moment: datetime) -> bool:
    """Whether a capture time can be kept: in UTC, and with room for a clock correction."""
    naive = moment.replace(tzinfo=None)
    if not (datetime.min + _EDGE <= naive <= datetime.max - _EDGE):
        return False
    try:
        moment.astimezone(UTC) if moment.tzinfo is not None else None
    except (OverflowError, ValueError):
        return False
    return True


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
    try:
        return day + timedelta(hours=hours, minutes=minutes, seconds=seconds)
    except OverflowError:
        return None


def _position(tags: dict[str, Any]) -> tuple[GeoPoint | None, list[str]]:
    lat_tag, lon_tag = tags.get("GPS GPSLatitude"), tags.get("GPS GPSLongitude")
    if lat_tag is None or lon_tag is None:
        return None, []
    try:
        lat = _degrees(lat_tag, _text(tags.get("GPS GPSLatitudeRef")), "S")
        lon = _degrees(lon_tag, _text(tags.get("GPS GPSLongitudeRef")), "W")
    except gps_values.Unusable as problem:
        return None, [f"GPS position is malformed ({problem})"]
    if lat is None or lon is None:
        return None, []  # an empty GPS block: the device had no fix
    return _checked(lat, lon, _altitude(tags))


def _xmp_position(described: embedded_xmp.Described) -> tuple[GeoPoint | None, list[str]]:
    """The position in XMP's exif:GPSLatitude / exif:GPSLongitude, when EXIF has none."""
    lat_text = described.xmp_values.get("exif:GPSLatitude")
    lon_text = described.xmp_values.get("exif:GPSLongitude")
    if not lat_text or not lon_text:
        return None, []
    try:
        lat = gps_values.degrees_from_xmp(lat_text)
        lon = gps_values.degrees_from_xmp(lon_text)
    except gps_values.Unusable as problem:
        return None, [f"XMP GPS position is malformed ({problem})"]
    alt = None
    alt_text = described.xmp_values.get("exif:GPSAltitude")
    if alt_text:
        alt = _xmp_rational(alt_text)
        if alt is not None and described.xmp_values.get("exif:GPSAltitudeRef") == "1":
            alt = -alt
    point, warnings = _checked(round(lat, 7), round(lon, 7), alt)
    if point is not None:
        warnings.append("GPS position read from XMP (the EXIF has none)")
    return point, warnings


def _checked(lat: float, lon: float, alt: float | None) -> tuple[GeoPoint | None, list[str]]:
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None, [f"GPS position ({lat}, {lon}) is out of range"]
    if lat == 0 and lon == 0:
        return None, ["GPS position (0, 0) treated as no position"]
    return GeoPoint(lat=lat, lon=lon, alt=alt), []


def _degrees(tag: Any, ref: str | None, negative_ref: str) -> float | None:
    values = getattr(tag, "values", None)
    if isinstance(values, bytes):
        values = values.decode("ascii", "replace")
    if isinstance(values, str):  # written as ASCII text, not rationals
        if not values.replace("\x00", "").strip():
            return None
        value: float | None = gps_values.degrees_from_text(values.replace("\x00", ""))
        negative = value is not None and value < 0
        value = abs(value) if value is not None else None
    else:
        value = gps_values.degrees_from_parts(values or [])
        negative = False
    if value is None:
        return None
    if negative or (ref and ref.strip().upper().startswith(negative_ref)):
        value = -value
    return round(value, 7)


def _xmp_rational(text: str) -> float | None:
    numerator, _, denominator = text.partition("/")
    try:
        value = float(numerator) / float(denominator or 1)
    except (ValueError, ZeroDivisionError):
        return None
    return round(value, 3)


def _altitude(tags: dict[str, Any]) -> float | None:
    tag = tags.get("GPS GPSAltitude")
    if tag is None or not getattr(tag, "values", None) or isinstance(tag.values, str):
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


def _orientation_of(tags: dict[str, Any], header: _Header) -> int | None:
    """EXIF's orientation; for HEIF read through Pillow, the one before pillow-heif's rewrite."""
    if header.exif_was_pillows:
        is_heif, original = header.heif_orientation()
        if is_heif:
            return original
    return _orientation(tags.get("Image Orientation"))


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

