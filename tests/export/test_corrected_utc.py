"""A corrected UTC time names the same moment as the corrected local time beside it, in the
photos JSON, the package manifest, and the GeoJSON/KML positions (Photo.best_time_utc)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

from catalog_app import jsonout
from catalog_app.core.models import Camera
from catalog_app.export import tables
from catalog_app.export.package import PackageExport
from catalog_app.export.selection import Selection
from tests.conftest import ACTOR
from tests.export.conftest import Mission

OFFSET = 3780  # +1 h 03 min
PHONE = Camera("DemoPhone", "12 Pro", None)  # zone from GPS time: it moves with the clock
FIELD_A = Camera("DemoCam", "Field A", "DEMO-A-0001")  # zone written by the camera


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _corrected(mission: Mission) -> None:
    for camera in (PHONE, FIELD_A):
        assert mission.catalogue.set_clock(camera, OFFSET, "test", ACTOR) > 0


def test_photos_json_gives_the_corrected_utc_time(mission: Mission) -> None:
    _corrected(mission)
    checked = 0
    for photo in mission.catalogue.photos():
        item = jsonout.photo(photo, mission.catalogue.layout)
        if item["taken_at_corrected"] is None:
            assert item["taken_at_corrected_utc"] is None
            continue
        corrected = datetime.fromisoformat(item["taken_at_corrected"])
        if corrected.tzinfo is None:  # zone unknown: no UTC time is made up
            assert item["taken_at_corrected_utc"] is None
            continue
        assert item["taken_at_corrected_utc"].endswith("Z")
        assert _moment(item["taken_at_corrected_utc"]) == corrected
        assert _moment(item["taken_at_corrected_utc"]) == photo.best_time_utc
        # the recorded UTC time is kept as recorded, an offset away
        assert (_moment(item["taken_at_corrected_utc"]) - _moment(item["taken_at_utc"])
                ).total_seconds() in (OFFSET, OFFSET - 3600)  # a GPS-time zone moves 1 h too
        checked += 1
    assert checked >= 10


def test_manifest_geojson_and_kml_agree_with_the_corrected_local_time(
        mission: Mission, tmp_path: Path) -> None:
    _corrected(mission)
    out = tmp_path / "pkg"
    list(PackageExport(mission.catalogue, out, Selection(), ACTOR, make_zip=False).run())
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["photos"]
    corrected = [r for r in manifest if r["taken_at_corrected"]
                 and datetime.fromisoformat(r["taken_at_corrected"]).tzinfo is not None]
    assert len(corrected) >= 5
    for record in corrected:
        assert _moment(record["taken_at_corrected_utc"]) == datetime.fromisoformat(
            record["taken_at_corrected"])
    tables.export_file(mission.catalogue, "geojson", tmp_path / "all.geojson", Selection(),
                       ACTOR)
    for path in (out / "positions.geojson", tmp_path / "all.geojson"):
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
        shown = [f["properties"] for f in features
                 if datetime.fromisoformat(f["properties"]["taken_at"]).tzinfo is not None]
        assert len(shown) >= 5
        for props in shown:
            assert _moment(props["taken_at_utc"]) == datetime.fromisoformat(props["taken_at"])
        assert any(mission.catalogue.photo(p["photo"]).taken_at_corrected for p in shown)
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    placemarks = ET.parse(out / "positions.kml").getroot().iterfind(".//k:Placemark", ns)
    by_id = {int(m.get("id", "").split("-")[1]): m.findtext("k:TimeStamp/k:when", None, ns)
             for m in placemarks}
    located = [r for r in corrected if r["id"] in by_id]
    assert located
    for record in located:
        assert by_id[record["id"]] == record["taken_at_corrected_utc"]
