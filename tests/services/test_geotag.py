"""Geotagging a catalogue: preview, apply in one logged step, undo; placed by hand; the JSON."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from catalog_app import jsonout
from catalog_app.cli import main
from catalog_app.core import geotrack
from catalog_app.core.models import Camera, PositionSource
from catalog_app.db.catalogue import Catalogue
from catalog_app.errors import UsageError
from catalog_app.services import geotag
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR
from tests.support.clock_photos import jpeg
from tests.support.gpx import write_gpx

KYIV = timezone(timedelta(hours=3))
T0 = datetime(2024, 7, 15, 6, 0, tzinfo=UTC)  # 09:00 in Kyiv
SLOW = Camera("Clockwork", "Slow", "S-1")
SLOW_BY = 2 * 3600 + 17  # the slow camera's clock is 2 h 0 min 17 s behind


@pytest.fixture(scope="module")
def walk(tmp_path_factory):
    """A catalogue of five photos without GPS and a GPX walk of 20 minutes (a point every
    30 s) with a 15-minute gap after it: (catalogue, track file, name -> photo id)."""
    root = tmp_path_factory.mktemp("geotag")
    taken = {"at_0130.jpg": (T0 + timedelta(seconds=90), "Right", "R-1"),
             "at_1005.jpg": (T0 + timedelta(seconds=605), "Right", "R-1"),
             "in_gap.jpg": (T0 + timedelta(minutes=28), "Right", "R-1"),
             "before.jpg": (T0 - timedelta(hours=1), "Right", "R-1"),
             "slow.jpg": (T0 + timedelta(seconds=400 - SLOW_BY), "Slow", "S-1")}
    for i, (name, (t, model, serial)) in enumerate(taken.items()):
        jpeg(root / "card" / name, t.astimezone(KYIV), model, serial, i + 1)
    points = [(T0 + timedelta(seconds=30 * i), 50.45 + 0.0003 * i, 30.52 + 0.0004 * i)
              for i in range(41)]
    points += [(T0 + timedelta(minutes=35), 50.47, 30.54),
               (T0 + timedelta(minutes=36), 50.471, 30.541)]
    gpx = write_gpx(root / "walk.gpx", [points])
    catalogue = Catalogue.open(root / "cat", create=True)
    job = ImportJob(catalogue, [str(root / "card")], ACTOR, workers=0)
    list(job.run())
    ids = {p.sources[0].path.rsplit("/", 1)[-1]: p.id for p in catalogue.photos()}
    yield catalogue, gpx, ids
    catalogue.close()


def test_preview_apply_and_undo_are_logged_and_replay(walk) -> None:
    catalogue, gpx, ids = walk
    track = geotag.load_track(gpx)
    before_entries = len(catalogue.custody_log())
    found = {p.photo_id: p for p in geotag.preview(catalogue, track)}
    assert len(catalogue.custody_log()) == before_entries  # a preview writes nothing
    placed = {pid for pid, p in found.items() if p.fix is not None}
    assert placed == {ids["at_0130.jpg"], ids["at_1005.jpg"]}
    assert "outside the track" in (found[ids["before.jpg"]].reason or "")
    assert "gap" in (found[ids["in_gap.jpg"]].reason or "")
    assert "outside the track" in (found[ids["slow.jpg"]].reason or "")  # 2 h behind
    fix = found[ids["at_0130.jpg"]].fix
    assert fix is not None and (fix.t1, fix.t2) == (T0 + timedelta(seconds=90),) * 2

    undo = geotag.apply(catalogue, track, found.values(), ACTOR)
    assert set(undo) == placed and all(v is None for v in undo.values())
    photo = catalogue.photo(ids["at_1005.jpg"])
    assert photo.capture.gps is None  # the camera's GPS is untouched (it had none)
    assert photo.assigned is not None and photo.assigned.source is PositionSource.TRACK
    gps = jsonout.photo(photo, catalogue.layout)["gps"]
    assert gps["source"] == "track" and gps["detail"] == (
        f"position from track walk.gpx ({track.sha256}), interpolated between points at "
        "2024-07-15T06:10:00Z and 2024-07-15T06:10:30Z")
    entries = [e for e in catalogue.custody_log() if e.action == "position-set"]
    assert len(entries) == 2 and {e.photo_id for e in entries} == placed
    assert entries[0].details["new"]["track_sha256"] == track.sha256
    assert catalogue.state_check().problems == []

    geotag.undo(catalogue, undo, ACTOR)
    assert catalogue.assigned_positions() == {}
    assert len([e for e in catalogue.custody_log() if e.action == "position-set"]) == 4
    assert catalogue.state_check().problems == []


def test_an_offset_from_one_photo_places_the_slow_camera(walk) -> None:
    catalogue, gpx, ids = walk
    track = geotag.load_track(gpx)
    where = geotrack.locate(track, T0 + timedelta(seconds=400))
    assert isinstance(where, geotrack.Fix)
    derived = geotag.derive_offset(catalogue, track, ids["slow.jpg"], where.lat, where.lon)
    assert derived.camera == SLOW and derived.offset_s == SLOW_BY
    found = geotag.preview(catalogue, track, offsets={SLOW: derived.offset_s},
                           photo_ids=[ids["slow.jpg"]])
    assert found[0].fix is not None
    assert geotrack.distance_m(found[0].fix.lat, found[0].fix.lon, where.lat, where.lon) < 1


def test_placed_by_hand_then_removed(walk) -> None:
    catalogue, _gpx, ids = walk
    pid = ids["before.jpg"]
    hand = geotag.place_by_hand(catalogue, [pid], 49.99, 36.23, ACTOR)
    assigned = catalogue.photo(pid).assigned
    assert assigned is not None and assigned.detail == f"placed by hand by {ACTOR.operator}"
    assert jsonout.photo(catalogue.photo(pid), catalogue.layout)["gps"]["source"] == "hand"
    with pytest.raises(UsageError, match="not a position on Earth"):
        geotag.place_by_hand(catalogue, [pid], 91, 0, ACTOR)
    geotag.undo(catalogue, hand, ACTOR)
    assert catalogue.photo(pid).assigned is None
    assert catalogue.state_check().problems == []


def test_the_command_line_previews_then_applies(walk, capsys) -> None:
    catalogue, gpx, ids = walk
    root = str(catalogue.layout.root)
    assert main(["--catalogue", root, "geotag", "--track", str(gpx), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert not shown["applied"] and shown["changed"] == 0
    assert sum(p["lat"] is not None for p in shown["photos"]) == 2
    where = geotrack.locate(geotag.load_track(gpx), T0 + timedelta(seconds=400))
    assert isinstance(where, geotrack.Fix)
    assert main(["--catalogue", root, "geotag", "--track", str(gpx), "--apply", "--json",
                 "--known-place", str(ids["slow.jpg"]), str(where.lat), str(where.lon)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["derived_offset"] == {"photo": ids["slow.jpg"], "offset_s": SLOW_BY,
                                       "off_track_m": 0.0}
    assert shown["changed"] == 3
    assert main(["--catalogue", root, "photos", "--json"]) == 0
    listed = {p["id"]: p["gps"] for p in json.loads(capsys.readouterr().out)}
    assert listed[ids["slow.jpg"]]["source"] == "track" and listed[ids["in_gap.jpg"]] is None
    assert main(["--catalogue", root, "place", "--remove", *map(str, ids.values())]) == 0
    assert "Removed the assigned position of 3 photos" in capsys.readouterr().out
    assert main(["--catalogue", root, "place", str(ids["slow.jpg"])]) == 2
    assert "Give --lat and --lon" in capsys.readouterr().err
