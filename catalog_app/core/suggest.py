"""Suggest incidents for untagged photos: by area and time window, and by the same camera
minutes apart from a tagged photo. Pure functions over photos and incidents."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from catalog_app.core.models import Incident, Photo
from catalog_app.core.places import distance_m

SAME_CAMERA_WINDOW = timedelta(minutes=10)


@dataclass(frozen=True, slots=True)
class Suggestion:
    photo: int
    incident: int
    incident_name: str
    distance_m: float | None  # from the incident's centre, when both positions are known
    reason: str


def suggest(photos: Iterable[Photo], incidents: Iterable[Incident],
            window: timedelta = SAME_CAMERA_WINDOW) -> list[Suggestion]:
    """Suggestions for every untagged photo, per photo the best first (nearest by area, then
    the nearest in time by camera). Archived incidents and marked duplicates are left out."""
    photos = list(photos)
    active = [i for i in incidents if not i.archived]
    names = {i.id: i.name for i in active}
    tagged = _tagged_by_camera(photos, set(names))
    found: list[Suggestion] = []
    for photo in photos:
        if photo.incident is not None or photo.duplicate_of is not None:
            continue
        mine = _by_area(photo, active)
        seen = {s.incident for s in mine}
        mine += [s for s in _by_camera(photo, tagged, names, window) if s.incident not in seen]
        found.extend(mine)
    return found


def _by_area(photo: Photo, incidents: list[Incident]) -> list[Suggestion]:
    gps, when = photo.capture.gps, photo.best_time
    if gps is None or when is None:
        return []
    hits = []
    for incident in incidents:
        if incident.lat is None or incident.lon is None or not incident.radius_m:
            continue
        far = distance_m(incident.lat, incident.lon, gps.lat, gps.lon)
        if far <= incident.radius_m and _within(when, incident):
            hits.append(Suggestion(photo.id, incident.id, incident.name, round(far, 1),
                                   f"taken {far:.0f} m from its centre (radius "
                                   f"{incident.radius_m:.0f} m), within its dates"))
    return sorted(hits, key=lambda s: s.distance_m or 0.0)


def _within(when: datetime, incident: Incident) -> bool:
    """Inside [start, end]; no end means the site stays documentable after it started."""
    start = _parse(incident.starts_at)
    end = _parse(incident.ends_at)
    return (start is None or _compare(when, start) >= 0) and (
        end is None or _compare(when, end) <= 0)


def _compare(a: datetime, b: datetime) -> int:
    """Aware times compare as instants; a naive (zone unknown) time by its wall clock."""
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
    return (a > b) - (a < b)


def _parse(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


CameraKey = tuple[str, str, str]


def _camera(photo: Photo) -> CameraKey | None:
    cam = photo.capture.camera
    key = (cam.make or "", cam.model or "", cam.serial or "")
    return key if any(key) else None


def _tagged_by_camera(photos: list[Photo], known: set[int]
                      ) -> dict[CameraKey, tuple[list[datetime], list[Photo]]]:
    """Tagged photos per camera, sorted by (naive) time for bisecting."""
    groups: dict[CameraKey, list[tuple[datetime, Photo]]] = defaultdict(list)
    for photo in photos:
        key, when = _camera(photo), photo.best_time
        if photo.incident is not None and photo.incident[0] in known and key and when:
            groups[key].append((when.replace(tzinfo=None), photo))
    result = {}
    for key, items in groups.items():
        items.sort(key=lambda item: item[0])
        result[key] = ([t for t, _ in items], [p for _, p in items])
    return result


def _by_camera(photo: Photo, tagged, names: dict[int, str],
               window: timedelta) -> list[Suggestion]:
    key, when = _camera(photo), photo.best_time
    if key is None or when is None or key not in tagged:
        return []
    times, others = tagged[key]
    moment = when.replace(tzinfo=None)
    lo = bisect.bisect_left(times, moment - window)
    hi = bisect.bisect_right(times, moment + window)
    best: dict[int, tuple[timedelta, Photo]] = {}
    for t, other in zip(times[lo:hi], others[lo:hi], strict=True):
        gap = abs(t - moment)
        incident = other.incident[0]
        if incident not in best or gap < best[incident][0]:
            best[incident] = (gap, other)
    hits = []
    camera = " ".join(x for x in key if x)
    for incident, (gap, other) in sorted(best.items(), key=lambda item: item[1][0]):
        minutes = gap.total_seconds() / 60
        far = None
        if photo.capture.gps and other.capture.gps:
            far = round(distance_m(other.capture.gps.lat, other.capture.gps.lon,
                                   photo.capture.gps.lat, photo.capture.gps.lon), 1)
        hits.append(Suggestion(photo.id, incident, names[incident], far,
                               f"same camera ({camera}) {minutes:.0f} min from photo "
                               f"{other.id}, which is tagged to it"))
    return hits
