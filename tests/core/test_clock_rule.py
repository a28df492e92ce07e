"""core/clock.py's one rule: corrected time, corrected UTC, and the sort key (zone unknown too)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from catalog_app.core import clock
from catalog_app.core.models import CaptureInfo, Photo, TimeSource

KYIV = timezone(timedelta(hours=3))


def _photo(taken: datetime, source: TimeSource, offset: int | None) -> Photo:
    return Photo(1, "0" * 64, "x", False, "JPEG", 1, 1, 1, CaptureInfo(taken, source), 0, 0,
                 None, "2024-01-01T00:00:00Z", clock_offset_s=offset)


def test_a_recorded_zone_sorts_by_its_corrected_utc_time() -> None:
    taken = datetime(2024, 7, 15, 9, 0, tzinfo=KYIV)
    assert clock.sort_key(taken, TimeSource.EXIF_OFFSET) == "2024-07-15T06:00:00Z"
    year = 366 * 86400  # 2024 is a leap year
    assert clock.sort_key(taken - timedelta(days=366), TimeSource.EXIF_OFFSET,
                          year) == "2024-07-15T06:00:00Z"
    assert clock.sort_key(None, TimeSource.NONE) is None


def test_a_zone_worked_out_from_gps_time_moves_with_the_correction() -> None:
    # The clock ran 1 h 03 min slow, so its zone against GPS time read +01:57 -> +02:00 ...
    recorded = datetime(2024, 7, 15, 7, 57, tzinfo=timezone(timedelta(hours=2)))
    fixed = clock.corrected_time(recorded, TimeSource.GPS_TIME, 3780)
    assert fixed.isoformat() == "2024-07-15T09:00:00+03:00"  # ... a right clock gives +03:00
    assert clock.corrected_utc(recorded, TimeSource.GPS_TIME, 3780) == datetime(
        2024, 7, 15, 6, 0, tzinfo=UTC)
    # a zone written by the camera does not depend on its clock
    written = clock.corrected_time(recorded, TimeSource.EXIF_OFFSET, 3780)
    assert written.utcoffset() == timedelta(hours=2)


def test_the_corrected_utc_time_is_the_corrected_local_time() -> None:
    cases = [(datetime(2024, 7, 15, 8, 28, 55, tzinfo=KYIV), TimeSource.EXIF_OFFSET, 3780),
             (datetime(2024, 7, 15, 7, 57, tzinfo=timezone(timedelta(hours=2))),
              TimeSource.GPS_TIME, 3780),
             (datetime(2024, 7, 15, 8, 28, 55, tzinfo=KYIV), TimeSource.GPS_POSITION, -86400),
             (datetime(2024, 7, 15, 8, 28, 55, tzinfo=KYIV), TimeSource.EXIF_OFFSET, None)]
    for taken, source, offset in cases:
        photo = _photo(taken, source, offset)
        best, best_utc = photo.best_time, photo.best_time_utc
        assert best is not None and best_utc is not None
        assert best_utc == best  # the same moment
        assert best_utc.utcoffset() == timedelta(0)
        zone_moved = (best.utcoffset() or timedelta(0)) - (taken.utcoffset() or timedelta(0))
        if offset is not None:
            assert best_utc - taken == timedelta(seconds=offset) - zone_moved
    unknown = _photo(datetime(2024, 7, 15, 8, 28, 55), TimeSource.UNKNOWN, 3780)
    assert unknown.best_time == datetime(2024, 7, 15, 9, 31, 55)
    assert unknown.best_time_utc is None  # an assumed zone never reaches a shown UTC time


def test_a_zone_unknown_photo_takes_its_cameras_nearest_zone() -> None:
    known = [(datetime(2024, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=2))),
              TimeSource.EXIF_OFFSET),
             (datetime(2024, 3, 31, 12, 0, tzinfo=KYIV), TimeSource.EXIF_OFFSET)]
    zones = clock.CameraZones(known, 0)
    early = datetime(2024, 3, 2, 10, 0)
    late = datetime(2024, 4, 2, 10, 0)
    assert zones.nearest(early) == timezone(timedelta(hours=2))
    assert zones.nearest(late) == KYIV
    zone, basis = clock.assumed_zone(late, zones, (50.45, 30.52))
    assert (zone, basis) == (KYIV, clock.SortBasis.CAMERA_ZONE)
    assert clock.sort_key(late, TimeSource.UNKNOWN, 0, zone) == "2024-04-02T07:00:00Z"
    assert clock.CameraZones([], 0).nearest(late) is None


def test_without_a_camera_zone_the_incidents_position_places_it() -> None:
    local = datetime(2024, 7, 15, 9, 31, 55)
    zone, basis = clock.assumed_zone(local, clock.CameraZones([], 0), (49.1839, 37.2305))
    assert basis is clock.SortBasis.INCIDENT_ZONE
    assert zone is not None and zone.utcoffset(None) == timedelta(hours=3)  # Izyum, summer
    winter = datetime(2024, 1, 15, 9, 31, 55)
    zone, _ = clock.assumed_zone(winter, None, (49.1839, 37.2305))
    assert zone is not None and zone.utcoffset(None) == timedelta(hours=2)
    assert clock.sort_key(local, TimeSource.UNKNOWN, 0, KYIV) == "2024-07-15T06:31:55Z"


def test_with_nothing_to_go_by_the_key_is_local_time_marked_as_local() -> None:
    local = datetime(2024, 7, 15, 9, 31, 55)
    zone, basis = clock.assumed_zone(local, clock.CameraZones([], 0), None)
    assert (zone, basis) == (None, clock.SortBasis.LOCAL)
    key = clock.sort_key(local, TimeSource.UNKNOWN, 3600, zone)
    assert key == "2024-07-15T10:31:55"  # corrected, and without a "Z": local, not UTC
    assert not key.endswith("Z")
