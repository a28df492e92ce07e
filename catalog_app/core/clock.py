"""Camera clocks: the ONE corrected-time and sort-key rule, and offsets as people type them.

Every place that shows, filters, orders or exports a capture time goes through this module:
the import's row values, a clock correction's re-sort, the schema migration that recomputes
old catalogues, the grid's label and date filter (they read photos.sort_time and
photos.corrected_local, which db/sort_order.py writes with this rule), Photo.best_time and
Photo.best_time_utc, and through them the photos JSON, manifests and GeoJSON/KML.

The rule
--------
* **Corrected time.** A camera's clock correction (seconds, per make/model/serial) is added to
  the recorded wall-clock time. The zone stays as recorded, except a zone that was itself
  worked out from the wrong clock against the GPS time stamp (TimeSource.GPS_TIME): that one
  moves with the correction, back to a whole quarter hour, as a right clock would have given.
* **Corrected UTC.** The corrected time in UTC, when its zone is known; None when it is not.
  It always agrees with the corrected local time (Photo.best_time / Photo.best_time_utc).
* **Sort key** (the stored `photos.sort_time`, the grid's and every listing's order): the
  corrected UTC time as ISO 8601 ending in "Z". A photo whose zone is unknown gets an
  *assumed* zone, in this order, and is then placed by the corrected local time in it:
    1. the zone of the same camera's zone-known photo nearest in time (the camera's clock was
       set to that zone: it is the best witness of what its other times mean). The camera is
       make, model and serial, as for clock corrections; photos that name no camera at all
       are not one camera and do not place each other;
    2. else the zone in force at the position of the photo's incident, at that local time;
    3. else none: the key is the corrected local time *without* a zone designator (no "Z"),
       marked as local by its form. It sorts among the UTC keys by its wall-clock digits
       because nothing tells where it belongs; SortBasis.LOCAL says so to any caller.
  An assumed zone orders photos only: the recorded and exported times never carry it
  (taken_at_utc stays empty for a photo whose zone is unknown).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING

from catalog_app.core import timezones
from catalog_app.core.models import TimeSource
from catalog_app.errors import UsageError
from catalog_app.i18n import _

if TYPE_CHECKING:
    from catalog_app.core.models import Photo

_UNITS = {"d": 86400, "day": 86400, "days": 86400, "h": 3600, "hr": 3600, "hour": 3600,
          "hours": 3600, "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
          "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
          # as describe_offset writes them in Ukrainian, so a shown offset can be typed back
          "д": 86400, "дн": 86400, "год": 3600, "хв": 60, "с": 1, "сек": 1}
_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([^\W\d_]+)")
_CLOCK = re.compile(r"^(\d{1,3}):(\d{2})(?::(\d{2}))?$")
_QUARTER = timedelta(minutes=15)


class SortBasis(StrEnum):
    """What a photo's place in time order rests on."""

    RECORDED_ZONE = "recorded-zone"  # its own zone (EXIF offset, GPS time or GPS position)
    CAMERA_ZONE = "camera-zone"  # assumed: the zone of the same camera's nearest photo
    INCIDENT_ZONE = "incident-zone"  # assumed: the zone at its incident's position
    LOCAL = "local"  # no zone at all: its local wall-clock time, marked (no "Z")


def corrected_time(taken_at: datetime, source: TimeSource, offset_s: int) -> datetime:
    """A recorded capture time with its camera's clock correction added.

    A zone read off the wrong clock against GPS time (TimeSource.GPS_TIME) moves with the
    correction, back to a whole quarter hour, as a right clock would have given it; any other
    zone (written by the camera, or found at the position) does not depend on the clock.
    """
    shift = timedelta(seconds=offset_s)
    moved = taken_at + shift
    zone = taken_at.utcoffset()
    if source is TimeSource.GPS_TIME and zone is not None and offset_s:
        moved = moved.replace(tzinfo=timezone(round((zone + shift) / _QUARTER) * _QUARTER))
    return moved


def corrected_utc(taken_at: datetime, source: TimeSource, offset_s: int) -> datetime | None:
    """The corrected capture time in UTC; None when its zone is unknown."""
    moved = corrected_time(taken_at, source, offset_s)
    return moved.astimezone(UTC) if moved.tzinfo is not None else None


def sort_key(taken_at: datetime | None, source: TimeSource, offset_s: int = 0,
             assumed_zone: tzinfo | None = None) -> str | None:
    """The order key of a capture time (see the module's rule); None without a time.

    `assumed_zone` is used only when the recorded time has no zone of its own; the caller
    finds it with `assumed_zone()`.
    """
    if taken_at is None:
        return None
    moved = corrected_time(taken_at, source, offset_s)
    if moved.tzinfo is None and assumed_zone is not None:
        moved = moved.replace(tzinfo=assumed_zone)
    return timezones.to_utc_iso(moved) if moved.tzinfo is not None else moved.isoformat()


class CameraZones:
    """The zones of one camera's zone-known photos, by corrected local time."""

    def __init__(self, known: Sequence[tuple[datetime, TimeSource]], offset_s: int) -> None:
        found = []
        for taken, source in known:
            moved = corrected_time(taken, source, offset_s)
            if moved.tzinfo is not None:
                found.append((moved.replace(tzinfo=None), moved.tzinfo))
        found.sort(key=lambda pair: pair[0])
        self._times = [t for t, _z in found]
        self._zones = [z for _t, z in found]

    def nearest(self, local: datetime) -> tzinfo | None:
        """The zone of the photo taken nearest in (corrected local) time; None if none."""
        if not self._times:
            return None
        local = local.replace(tzinfo=None)
        at = bisect_left(self._times, local)
        candidates = [i for i in (at - 1, at) if 0 <= i < len(self._times)]
        best = min(candidates, key=lambda i: abs(self._times[i] - local))
        return self._zones[best]


def assumed_zone(local: datetime, camera: CameraZones | None,
                 incident_position: tuple[float, float] | None
                 ) -> tuple[tzinfo | None, SortBasis]:
    """The zone a zone-unknown photo is placed in, and what it rests on (see the rule).

    `local` is the corrected local time; `incident_position` is (lat, lon) of its incident.
    """
    zone = camera.nearest(local) if camera is not None else None
    if zone is not None:
        return zone, SortBasis.CAMERA_ZONE
    if incident_position is not None:
        found = timezones.zone_at(incident_position[0], incident_position[1], local)
        if found is not None:
            return found, SortBasis.INCIDENT_ZONE
    return None, SortBasis.LOCAL


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
    if parts and _PART.sub("", body).strip(" ,and") == "" and all(u in _UNITS for _n, u in parts):
        return sign * round(sum(float(n) * _UNITS[u] for n, u in parts))
    raise BadOffset(_("'{text}' is not an offset; write it like '+1 h 03 min', '-00:05:30' or "
                      "'3780 s'.").format(text=text))


def offset_from(recorded: datetime, true_time: datetime) -> int:
    """The offset that turns a recorded capture time into the true one (wall-clock times)."""
    if recorded.tzinfo is not None and true_time.tzinfo is not None:
        return round((true_time - recorded).total_seconds())
    return round((true_time.replace(tzinfo=None) - recorded.replace(tzinfo=None))
                 .total_seconds())


DAY_S = 86400
DAY_SLACK_S = 15 * 60  # a GPS offset this close to +/-24 h is a date stamp a day off
CONFIRM_OVER_S = 12 * 3600  # a correction larger than this is applied only when confirmed


@dataclass(frozen=True)
class GpsReading:
    """A photo's recorded time beside its GPS time stamp, and the offset they give."""

    photo_id: int
    camera_time: datetime  # the recorded wall-clock time (no zone)
    gps_time: datetime  # the GPS UTC time stamp in the photo's zone, as wall-clock time
    raw_offset_s: int  # gps_time - camera_time, date stamp taken as written
    offset_s: int  # the offset used: the time of day only when the date stamp is a day off

    @property
    def date_stamp_off(self) -> bool:
        """True when the GPS date stamp was taken as a day off and only its time used."""
        return self.offset_s != self.raw_offset_s

    def evidence(self) -> str:
        """'photo 7: camera 2024-07-15 09:30:00, GPS 2024-07-16 09:32:00' (GPS in local time)."""
        return _("photo {id}: camera {camera}, GPS {gps}").format(
            id=self.photo_id, camera=self.camera_time.isoformat(sep=" "),
            gps=self.gps_time.isoformat(sep=" "))


def without_day_slip(offset_s: int) -> int:
    """The offset with a whole day taken off when it lies within DAY_SLACK_S of +/-24 h.

    A GPS date stamp a day off (written at the wrong UTC midnight, or by a receiver that
    rolled over) gives an offset of about a day; the camera's own date is then the witness
    and the GPS stamp's time of day alone gives the offset.
    """
    for day in (DAY_S, -DAY_S):
        if abs(offset_s - day) <= DAY_SLACK_S:
            return offset_s - day
    return offset_s


def needs_confirmation(offset_s: int | None) -> bool:
    """True for a correction over CONFIRM_OVER_S (12 h), which must be confirmed first."""
    return offset_s is not None and abs(offset_s) > CONFIRM_OVER_S


def read_gps_offset(data: bytes, photo: Photo) -> GpsReading:
    """The clock offset of a photo's camera from its GPS time stamp (a satellite's UTC time).

    The true local time is the GPS time in the zone the camera wrote (EXIF offset), else the
    zone in force at the GPS position; the offset turns the recorded time into it. An offset
    within 15 min of +/-24 h means the GPS date stamp is a day off: its time of day is used.
    """
    from catalog_app.core import metadata

    gps_utc = metadata.read_gps_time(data)
    taken = photo.capture.taken_at
    if gps_utc is None or taken is None:
        raise BadOffset(_("Photo {id} has no GPS time stamp or no capture time to compare.")
                        .format(id=photo.id))
    if photo.capture.time_source is TimeSource.EXIF_OFFSET and taken.tzinfo is not None:
        zone = taken.utcoffset()
    elif photo.capture.gps is not None:
        found = timezones.zone_at(photo.capture.gps.lat, photo.capture.gps.lon, gps_utc)
        zone = found.utcoffset(None) if found else None
    else:
        zone = None
    if zone is None:
        raise BadOffset(_("Photo {id}'s time zone cannot be known (no EXIF offset and no "
                          "position), so its GPS time cannot be turned into local time.")
                        .format(id=photo.id))
    camera_time = taken.replace(tzinfo=None, microsecond=0)
    gps_local = (gps_utc + zone).replace(tzinfo=None, microsecond=0)
    raw = offset_from(taken.replace(tzinfo=None), gps_utc + zone)
    return GpsReading(photo.id, camera_time, gps_local, raw, without_day_slip(raw))


def offset_from_gps(data: bytes, photo: Photo) -> int:
    """The clock offset `read_gps_offset` finds (a day-off GPS date stamp already undone)."""
    return read_gps_offset(data, photo).offset_s


def describe_offset(seconds: int) -> str:
    """'+1 h 03 min', '-5 min 30 s', '0 s'."""
    sign = "-" if seconds < 0 else "+"
    left = abs(seconds)
    hours, rest = divmod(left, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(_("{n} h").format(n=hours))
    if minutes or (hours and secs):
        parts.append(_("{n} min").format(n=f"{minutes:02d}" if hours else minutes))
    if secs or not parts:
        parts.append(_("{n} s").format(n=secs))
    return sign + " ".join(parts) if seconds else _("{n} s").format(n=0)
