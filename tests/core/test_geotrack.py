"""Positions from a GPS track: interpolation to the metre, gaps and ends, a camera's offset."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from catalog_app.core import geotrack
from tests.support.gpx import gpx_text

T0 = datetime(2024, 7, 15, 6, 0, tzinfo=UTC)
A, B = (50.4501, 30.5234), (50.4620, 30.5410)  # ~1.8 km apart, north-east (Kyiv)


def _track(segments) -> geotrack.Track:
    return geotrack.parse(gpx_text(segments).encode(), "walk.gpx")


def _destination(lat: float, lon: float, lat2: float, lon2: float, f: float
                 ) -> tuple[float, float]:
    """The expected point, by another formula: travel f of the distance A->B along the
    initial bearing from A (spherical direct problem), not by interpolating vectors."""
    r = geotrack.EARTH_RADIUS_M
    p1, l1, p2, l2 = map(math.radians, (lat, lon, lat2, lon2))
    d = geotrack.distance_m(lat, lon, lat2, lon2) / r
    theta = math.atan2(math.sin(l2 - l1) * math.cos(p2),
                       math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2)
                       * math.cos(l2 - l1))
    delta = f * d
    p = math.asin(math.sin(p1) * math.cos(delta) + math.cos(p1) * math.sin(delta)
                  * math.cos(theta))
    lam = l1 + math.atan2(math.sin(theta) * math.sin(delta) * math.cos(p1),
                          math.cos(delta) - math.sin(p1) * math.sin(p))
    return math.degrees(p), math.degrees(lam)


def test_interpolation_on_a_straight_segment_is_right_to_the_metre() -> None:
    track = _track([[(T0, *A), (T0 + timedelta(seconds=200), *B)]])
    for seconds in (1, 37, 100, 163, 199):
        fix = geotrack.locate(track, T0 + timedelta(seconds=seconds))
        assert isinstance(fix, geotrack.Fix)
        expected = _destination(*A, *B, seconds / 200)
        assert geotrack.distance_m(fix.lat, fix.lon, *expected) < 1.0
        assert (fix.t1, fix.t2) == (T0, T0 + timedelta(seconds=200))
    # the midpoint is where a surveyor's midpoint formula puts it, too
    mid = geotrack.locate(track, T0 + timedelta(seconds=100))
    assert isinstance(mid, geotrack.Fix)
    assert abs(geotrack.distance_m(mid.lat, mid.lon, *A)
               - geotrack.distance_m(mid.lat, mid.lon, *B)) < 0.01
    assert mid.detail(track) == (
        f"position from track walk.gpx ({track.sha256}), interpolated between points at "
        "2024-07-15T06:00:00Z and 2024-07-15T06:03:20Z")


def test_outside_the_track_and_beyond_the_gap_nothing_is_placed() -> None:
    late = T0 + timedelta(seconds=3000)
    track = _track([[(T0, *A), (T0 + timedelta(seconds=60), *B),
                     (late, 50.47, 30.55), (late + timedelta(seconds=60), 50.48, 30.56)]])
    before = geotrack.locate(track, T0 - timedelta(hours=2))
    assert isinstance(before, str) and "outside the track" in before
    after = geotrack.locate(track, late + timedelta(hours=1))
    assert isinstance(after, str) and "outside the track" in after
    in_gap = geotrack.locate(track, T0 + timedelta(seconds=1500), max_gap_s=300)
    assert isinstance(in_gap, str) and "gap of 2940 s" in in_gap
    # a wider max gap interpolates across it; near a point (max distance), the point is taken
    assert isinstance(geotrack.locate(track, T0 + timedelta(seconds=1500), max_gap_s=3600),
                      geotrack.Fix)
    near = geotrack.locate(track, T0 + timedelta(seconds=90), max_gap_s=300,
                           max_distance_s=60)
    assert isinstance(near, geotrack.Fix) and (near.lat, near.lon) == B
    assert near.t1 == near.t2 and "at the point at" in near.detail(track)
    assert isinstance(geotrack.locate(track, T0 + timedelta(seconds=90), max_gap_s=300,
                                      max_distance_s=10), str)


def test_segments_are_never_bridged() -> None:
    track = _track([[(T0, *A)], [(T0 + timedelta(seconds=30), *B)]])
    assert isinstance(geotrack.locate(track, T0 + timedelta(seconds=15), max_distance_s=5), str)


def test_a_clock_offset_worked_out_from_one_photo_matches_the_known_offset() -> None:
    points = [(T0 + timedelta(seconds=20 * i), A[0] + 0.0006 * i, A[1] + 0.0009 * i)
              for i in range(30)]  # ten minutes' walk, a point every 20 s
    track = _track([points])
    true_offset = -3723  # the camera runs 1 h 2 min 3 s fast
    taken_truly = T0 + timedelta(seconds=247)
    recorded = taken_truly - timedelta(seconds=true_offset)
    place = geotrack.locate(track, taken_truly)
    assert isinstance(place, geotrack.Fix)
    offset, off_track = geotrack.offset_from_place(track, recorded, place.lat, place.lon)
    assert offset == true_offset and off_track < 1.0


def test_a_file_that_is_not_gpx_is_one_sentence() -> None:
    with pytest.raises(geotrack.NotATrack, match=r"^notes.txt is not a GPS track .*\.$"):
        geotrack.parse(b"just some notes", "notes.txt")
    with pytest.raises(geotrack.NotATrack, match="no track point with a time"):
        geotrack.parse(b'<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
                       b'<trk><trkseg><trkpt lat="1" lon="2"/></trkseg></trk></gpx>', "x.gpx")
