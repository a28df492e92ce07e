"""Camera clock offsets: parse what a person types ("+1 h 03 min", "-00:05", "3780 s")."""

from __future__ import annotations

import re
from datetime import datetime

from catalog_app.core.models import Photo, TimeSource
from catalog_app.errors import UsageError

_UNITS = {"d": 86400, "day": 86400, "days": 86400, "h": 3600, "hr": 3600, "hour": 3600,
          "hours": 3600, "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
          "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1}
_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z]+)")
_CLOCK = re.compile(r"^(\d{1,3}):(\d{2})(?::(\d{2}))?$")


class BadOffset(UsageError, ValueError):
    """An offset that cannot be read; the message says what is expected."""


def parse_offset(text: str) -> int:
    """Seconds from '+1 h 03 min', '1h3m', '-00:05:30', '+01:03', '3780s', '-90'."""
    raw = text.strip().lower()
    sign = -1 if raw.startswith("-") else 1
    body = raw.lstrip("+-").strip()
    if re.fullmatch(r"\d+", body):
        return sign * int(body)
    clock = _CLOCK.match(body)
    if clock:
        h, m, s = int(clock[1]), int(clock[2]), int(clock[3] or 0)
        return sign * (h * 3600 + m * 60 + s)
    parts = _PART.findall(body)
    if parts and _PART.sub("", body).strip(" ,and") == "" and all(u in _UNITS for _, u in parts):
        return sign * round(sum(float(n) * _UNITS[u] for n, u in parts))
    raise BadOffset(f"'{text}' is not an offset; write it like '+1 h 03 min', '-00:05:30' or "
                    "'3780 s'.")


def offset_from(recorded: datetime, true_time: datetime) -> int:
    """The offset that turns a recorded capture time into the true one (wall-clock times)."""
    if recorded.tzinfo is not None and true_time.tzinfo is not None:
        return round((true_time - recorded).total_seconds())
    return round((true_time.replace(tzinfo=None) - recorded.replace(tzinfo=None))
                 .total_seconds())


def offset_from_gps(data: bytes, photo: Photo) -> int:
    """The clock offset of a photo's camera from its GPS time stamp (a satellite's UTC time).

    The true local time is the GPS time in the zone the camera wrote (EXIF offset), else the
    zone in force at the GPS position; the offset turns the recorded time into it.
    """
    from catalog_app.core import metadata, timezones

    gps_utc = metadata.read_gps_time(data)
    taken = photo.capture.taken_at
    if gps_utc is None or taken is None:
        raise BadOffset(f"Photo {photo.id} has no GPS time stamp or no capture time to "
                        "compare.")
    if photo.capture.time_source is TimeSource.EXIF_OFFSET and taken.tzinfo is not None:
        zone = taken.utcoffset()
    elif photo.capture.gps is not None:
        found = timezones.zone_at(photo.capture.gps.lat, photo.capture.gps.lon, gps_utc)
        zone = found.utcoffset(None) if found else None
    else:
        zone = None
    if zone is None:
        raise BadOffset(f"Photo {photo.id}'s time zone cannot be known (no EXIF offset and no "
                        "position), so its GPS time cannot be turned into local time.")
    return offset_from(taken.replace(tzinfo=None), gps_utc + zone)


def describe_offset(seconds: int) -> str:
    """'+1 h 03 min', '-5 min 30 s', '0 s'."""
    sign = "-" if seconds < 0 else "+"
    left = abs(seconds)
    hours, rest = divmod(left, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours} h")
    if minutes or (hours and secs):
        parts.append(f"{minutes:02d} min" if hours else f"{minutes} min")
    if secs or not parts:
        parts.append(f"{secs} s")
    return sign + " ".join(parts) if seconds else "0 s"
