"""Geotagging use cases: positions from a GPS track (preview, apply, undo) and placed by hand."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timezone
from pathlib import Path

from catalog_app.core import geotrack, labels
from catalog_app.core.models import Actor, AssignedPosition, Camera, Photo, PositionSource
from catalog_app.db.interface import CatalogueStore
from catalog_app.errors import UsageError
from catalog_app.i18n import _

Undo = dict[int, AssignedPosition | None]  # what each changed photo held before


@dataclass(frozen=True, slots=True)
class Proposal:
    """What a track says of one photo without a position: a fix, or why there is none."""

    photo_id: int
    camera: str
    time_utc: datetime | None  # the corrected capture time the track was read at
    fix: geotrack.Fix | None
    reason: str | None = None  # why not placed (the end of a sentence)


@dataclass(frozen=True, slots=True)
class DerivedOffset:
    """A camera's clock offset worked out from one photo whose place on the track is known."""

    camera: Camera
    offset_s: int
    photo_id: int
    off_track_m: float  # how far the place given is from the track


def load_track(path: Path) -> geotrack.Track:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"The track {path} cannot be read: {exc.strerror or exc}.") from None
    return geotrack.parse(data, path.name)


def _camera(photo: Photo) -> Camera:
    c = photo.capture.camera
    return Camera(c.make or "", c.model or "", c.serial or "")


def _utc(photo: Photo, offsets: Mapping[Camera, int], zone: timezone | None,
         corrected: bool = True) -> datetime | None:
    """The photo's capture time in UTC: with its camera's offset (one derived in this run
    first, else the stored correction); a time without a zone is read in `zone`, if given."""
    taken = photo.capture.taken_at
    if taken is None:
        return None
    if taken.tzinfo is None:
        if zone is None:
            return None
        taken = taken.replace(tzinfo=zone)
    if not corrected:
        return taken.astimezone(UTC)
    offset = offsets.get(_camera(photo), photo.clock_offset_s)
    if offset:
        from catalog_app.core import clock

        taken = clock.corrected_time(taken, photo.capture.time_source, offset)
    return taken.astimezone(UTC)


def derive_offset(catalogue: CatalogueStore, track: geotrack.Track, photo_id: int, lat: float,
                  lon: float, zone: timezone | None = None) -> DerivedOffset:
    """Like darktable: photo `photo_id` was taken at (lat, lon), which the track passed; its
    camera's clock is off by the difference between its recorded time and the track's."""
    photo = catalogue.photo(photo_id)
    recorded = _utc(photo, {}, zone, corrected=False)
    if recorded is None:
        raise UsageError(_("Photo {id}'s capture time is unknown or has no time zone, so its "
                           "camera's offset cannot be worked out from it.").format(id=photo_id))
    offset, off_track = geotrack.offset_from_place(track, recorded, lat, lon)
    return DerivedOffset(_camera(photo), offset, photo_id, off_track)


def preview(catalogue: CatalogueStore, track: geotrack.Track, *,
            max_gap_s: float = geotrack.DEFAULT_MAX_GAP_S,
            max_distance_s: float = geotrack.DEFAULT_MAX_DISTANCE_S,
            offsets: Mapping[Camera, int] | None = None, zone: timezone | None = None,
            photo_ids: Sequence[int] | None = None) -> list[Proposal]:
    """What the track says of each photo with no position (neither the camera's GPS nor an
    assigned one), in capture-time order; nothing is written."""
    offsets = offsets or {}
    wanted = set(photo_ids) if photo_ids is not None else None
    found = []
    for photo in catalogue.photos():
        if photo.position is not None or (wanted is not None and photo.id not in wanted):
            continue
        camera = labels.camera_label(photo.capture.camera)
        when = _utc(photo, offsets, zone)
        if when is None:
            why = ("it has no capture time" if photo.capture.taken_at is None
                   else "its capture time has no time zone (give the zone it was taken in)")
            found.append(Proposal(photo.id, camera, None, None, why))
            continue
        fix = geotrack.locate(track, when, max_gap_s, max_distance_s)
        if isinstance(fix, str):
            found.append(Proposal(photo.id, camera, when, None, fix))
        else:
            found.append(Proposal(photo.id, camera, when, fix))
    return found


def apply(catalogue: CatalogueStore, track: geotrack.Track, proposals: Iterable[Proposal],
          actor: Actor) -> Undo:
    """Record the placed proposals' positions in ONE unit of work, each entry saying "position
    from track FILE (sha256), interpolated between points at T1 and T2"; returns the undo."""
    changes: list[tuple[int, AssignedPosition | None]] = [
        (p.photo_id, AssignedPosition(p.fix.lat, p.fix.lon, PositionSource.TRACK,
                                      p.fix.detail(track), track.sha256))
        for p in proposals if p.fix is not None]
    return catalogue.set_positions(changes, actor) if changes else {}


def place_by_hand(catalogue: CatalogueStore, photo_ids: Sequence[int], lat: float, lon: float,
                  actor: Actor) -> Undo:
    """Place photos at (lat, lon), recorded as "placed by hand by <operator>" (one unit of
    work). A photo with the camera's own GPS is refused: that position is kept and shown."""
    ids = list(dict.fromkeys(photo_ids))
    for photo_id in ids:
        if catalogue.photo(photo_id).capture.gps is not None:
            raise UsageError(_("Photo {id} has its camera's GPS position, which is kept; it "
                               "is not placed by hand.").format(id=photo_id))
    where = AssignedPosition(lat, lon, PositionSource.HAND, f"placed by hand by {actor.operator}")
    return catalogue.set_positions([(pid, where) for pid in ids], actor)


def remove(catalogue: CatalogueStore, photo_ids: Sequence[int], actor: Actor) -> Undo:
    """Remove photos' assigned positions (logged; the camera's GPS is never touched)."""
    return catalogue.set_positions([(pid, None) for pid in dict.fromkeys(photo_ids)], actor)


def undo(catalogue: CatalogueStore, before: Undo, actor: Actor) -> Undo:
    """Put back what `before` holds (an apply's, a placing's or a removal's); logged like any
    change, in one unit of work. Returns the undo of the undo (a redo)."""
    return catalogue.set_positions(before.items(), actor) if before else {}
