"""Resolve the zone of a camera's local time: EXIF offset, GPS time stamp, or GPS position."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_OFFSET = re.compile(r"^\s*([+-])(\d{2}):?(\d{2})\s*$")
_MAX_OFFSET = timedelta(hours=14)
_GPS_TOLERANCE = timedelta(minutes=5)
_QUARTER = timedelta(minutes=15)


def parse_offset(text: str | None) -> timezone | None:
    """'+03:00' -> a fixed zone; None for blanks, garbage or impossible offsets."""
    if not text:
        return None
    match = _OFFSET.match(text)
    if not match:
        return None
    sign, hours, minutes = match.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    if delta > _MAX_OFFSET or int(minutes) >= 60:
        return None
    return timezone(-delta if sign == "-" else delta)


def zone_from_gps_time(local: datetime, gps_utc: datetime) -> tuple[timezone | None, str | None]:
    """The zone implied by a local time and the GPS UTC stamp taken with it.

    The difference is rounded to a quarter hour (every zone in use is a multiple of 15 min).
    Returns (zone, None), or (None, warning) when the two clocks disagree by more than a few
    minutes beyond a whole zone offset: then the camera clock is wrong, and saying so is more
    useful than guessing a zone.
    """
    diff = local.replace(tzinfo=None) - gps_utc.replace(tzinfo=None)
    quarters = round(diff / _QUARTER)
    rounded = quarters * _QUARTER
    if abs(rounded) > _MAX_OFFSET:
        return None, f"camera clock is {_fmt(diff)} away from GPS time, more than any time zone"
    if abs(diff - rounded) > _GPS_TOLERANCE:
        return None, (
            f"camera clock differs from GPS time by {_fmt(diff)}, "
            "not a whole time-zone offset (the camera clock may be wrong)"
        )
    return timezone(rounded), None


def zone_at(lat: float, lon: float, local: datetime) -> timezone | None:
    """The fixed offset in force at a position at a local time, from offline boundary data."""
    name = _finder().timezone_at(lat=lat, lng=lon)
    if not name:
        return None
    try:
        offset = local.replace(tzinfo=ZoneInfo(name)).utcoffset()
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return timezone(offset) if offset is not None else None


def to_utc_iso(moment: datetime) -> str:
    """ISO 8601 in UTC ending in 'Z'."""
    text = moment.astimezone(UTC).isoformat()
    return text.replace("+00:00", "Z")


@lru_cache(maxsize=1)
def _finder():  # type: ignore[no-untyped-def]
    """The offline time-zone finder, built once per process (it maps its data file)."""
    from timezonefinder import TimezoneFinder

    return TimezoneFinder()


def _fmt(delta: timedelta) -> str:
    sign = "-" if delta < timedelta(0) else "+"
    minutes = int(abs(delta).total_seconds() // 60)
    return f"{sign}{minutes // 60} h {minutes % 60:02d} min"
