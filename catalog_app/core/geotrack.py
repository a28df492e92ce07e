"""GPS tracks (GPX): parse, interpolate a position at a moment, a camera's offset from one place."""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_right
from dataclasses import dataclass
from datetime import UTC, datetime

from catalog_app.errors import UsageError
from catalog_app.i18n import _

EARTH_RADIUS_M = 6_371_008.8  # the mean radius (IUGG): interpolation is on this sphere
DEFAULT_MAX_GAP_S = 300  # points further apart than this are not interpolated between
DEFAULT_MAX_DISTANCE_S = 60  # a photo this far in time from the nearest point may take it


class NotATrack(UsageError):
    def __init__(self, name: str, why: str) -> None:
        super().__init__(_("{name} is not a GPS track this app can read: {why}.")
                         .format(name=name, why=why))


@dataclass(frozen=True, slots=True)
class TrackPoint:
    time: datetime  # aware, UTC
    lat: float
    lon: float
    segment: int  # points of different segments are never interpolated between


@dataclass(frozen=True, slots=True)
class Track:
    name: str  # the file's name, as the custody entry records it
    sha256: str  # of the file's bytes
    points: tuple[TrackPoint, ...]  # in time order

    @property
    def starts(self) -> datetime:
        return self.points[0].time

    @property
    def ends(self) -> datetime:
        return self.points[-1].time


@dataclass(frozen=True, slots=True)
class Fix:
    """Where a track puts a moment: interpolated between two points, or at the nearest one."""

    lat: float
    lon: float
    t1: datetime
    t2: datetime  # == t1 when the fix is one point (the photo is near it in time)

    def detail(self, track: Track) -> str:
        """The sentence the position is recorded with."""
        where = (f"interpolated between points at {_iso(self.t1)} and {_iso(self.t2)}"
                 if self.t1 != self.t2 else f"at the point at {_iso(self.t1)}")
        return f"position from track {track.name} ({track.sha256}), {where}"


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def parse(data: bytes, name: str) -> Track:
    """A GPX file's timed track points (routes and untimed points carry no time: left out)."""
    import gpxpy
    import gpxpy.gpx

    try:
        gpx = gpxpy.parse(data.decode("utf-8-sig"))
    except (gpxpy.gpx.GPXException, UnicodeDecodeError, ValueError) as exc:
        raise NotATrack(name, str(exc).splitlines()[0] if str(exc) else _("not GPX")) from None
    points: list[TrackPoint] = []
    segment = 0
    for track in gpx.tracks:
        for seg in track.segments:
            for p in seg.points:
                if p.time is not None:
                    when = p.time if p.time.tzinfo else p.time.replace(tzinfo=UTC)
                    points.append(TrackPoint(when.astimezone(UTC), p.latitude, p.longitude,
                                             segment))
            segment += 1
    if not points:
        raise NotATrack(name, _("it holds no track point with a time"))
    points.sort(key=lambda p: p.time)
    return Track(name, hashlib.sha256(data).hexdigest(), tuple(points))


def between(lat1: float, lon1: float, lat2: float, lon2: float, f: float
            ) -> tuple[float, float]:
    """The point a fraction `f` of the way along the great circle from 1 to 2."""
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    a = (math.cos(p1) * math.cos(l1), math.cos(p1) * math.sin(l1), math.sin(p1))
    b = (math.cos(p2) * math.cos(l2), math.cos(p2) * math.sin(l2), math.sin(p2))
    dot = max(-1.0, min(1.0, sum(x * y for x, y in zip(a, b, strict=True))))
    angle = math.acos(dot)
    if angle < 1e-12:
        return lat1, lon1
    s = math.sin(angle)
    wa, wb = math.sin((1 - f) * angle) / s, math.sin(f * angle) / s
    x, y, z = (wa * u + wb * v for u, v in zip(a, b, strict=True))
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) on the mean-radius sphere."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(min(1.0, h)))


def locate(track: Track, when: datetime, max_gap_s: float = DEFAULT_MAX_GAP_S,
           max_distance_s: float = DEFAULT_MAX_DISTANCE_S) -> Fix | str:
    """Where the track was at `when` (aware), or why it cannot say (a sentence's end)."""
    pts = track.points
    times = [p.time for p in pts]
    when = when.astimezone(UTC)
    i = bisect_right(times, when)  # pts[i-1].time <= when < pts[i].time
    before = pts[i - 1] if i > 0 else None
    after = pts[i] if i < len(pts) else None
    if before is not None and before.time == when:
        return Fix(before.lat, before.lon, before.time, before.time)
    if (before is not None and after is not None and before.segment == after.segment
            and (after.time - before.time).total_seconds() <= max_gap_s):
        f = (when - before.time) / (after.time - before.time)
        lat, lon = between(before.lat, before.lon, after.lat, after.lon, f)
        return Fix(lat, lon, before.time, after.time)
    near = [p for p in (before, after) if p is not None
            and abs((p.time - when).total_seconds()) <= max_distance_s]
    if near:
        p = min(near, key=lambda q: abs(q.time - when))
        return Fix(p.lat, p.lon, p.time, p.time)
    if before is None or after is None:
        return (f"its time ({_iso(when)}) is outside the track's "
                f"({_iso(track.starts)} to {_iso(track.ends)})")
    gap = int((after.time - before.time).total_seconds())
    return (f"its time ({_iso(when)}) falls in a gap of {gap} s in the track, more than "
            f"{max_gap_s:g} s")


def time_at_place(track: Track, lat: float, lon: float) -> tuple[datetime, float]:
    """When the track passed nearest a place: the moment on its nearest segment, and how far
    (metres) the place is from the track there."""
    best: tuple[float, datetime] | None = None
    pts = track.points
    for a, b in zip(pts, pts[1:] + pts[-1:], strict=True):
        if b is a or a.segment != b.segment:
            b = a
        f = _nearest_fraction(a, b, lat, lon)
        plat, plon = between(a.lat, a.lon, b.lat, b.lon, f)
        d = distance_m(lat, lon, plat, plon)
        if best is None or d < best[0]:
            best = (d, a.time + (b.time - a.time) * f)
    assert best is not None  # a Track has a point
    return best[1], best[0]


def _nearest_fraction(a: TrackPoint, b: TrackPoint, lat: float, lon: float) -> float:
    """Where along a..b (0..1) is nearest the place, in a local flat projection (a segment is
    short: metres to a few km)."""
    k = math.cos(math.radians((a.lat + b.lat) / 2))
    bx, by = (b.lon - a.lon) * k, b.lat - a.lat
    px, py = (lon - a.lon) * k, lat - a.lat
    length = bx * bx + by * by
    return 0.0 if length == 0 else max(0.0, min(1.0, (px * bx + py * by) / length))


def offset_from_place(track: Track, recorded_utc: datetime, lat: float, lon: float
                      ) -> tuple[int, float]:
    """A camera's clock offset (seconds to add to its times), like darktable's: one photo
    whose place on the track is known was taken when the track passed that place. Returns the
    offset and how far the place is from the track (metres)."""
    moment, off_track = time_at_place(track, lat, lon)
    return round((moment - recorded_utc.astimezone(UTC)).total_seconds()), off_track
