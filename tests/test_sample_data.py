"""The demo mission imports cleanly and shows what its README promises."""

from __future__ import annotations

from pathlib import Path

from catalog_app.core.models import TimeSource
from catalog_app.services.demo import sample_mission
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR


def test_demo_mission_imports_with_the_promised_metadata(new_catalogue) -> None:
    folder = sample_mission()
    assert folder is not None and folder.is_dir()
    job = ImportJob(new_catalogue, [str(folder)], ACTOR, workers=0)
    list(job.run())
    assert (job.summary.imported, job.summary.failed, job.summary.warnings) == (19, [], [])
    by_name = {Path(p.sources[0].path).name: p for p in new_catalogue.photos()}
    heic = [p for n, p in by_name.items() if n.endswith(".HEIC")]
    assert len(heic) == 8
    assert all(p.capture.time_source is TimeSource.GPS_TIME and p.capture.gps for p in heic)
    okhmatdyt = by_name["DEMO_013.HEIC"]
    assert okhmatdyt.capture.taken_at.isoformat() == "2024-07-08T13:02:11+03:00"
    assert abs(okhmatdyt.capture.gps.lat - 50.4534) < 1e-3
    camera_a = by_name["DEMO_003.JPG"]
    assert camera_a.capture.time_source is TimeSource.EXIF_OFFSET
    assert camera_a.capture.camera.serial == "DEMO-A-0001"
    slow = by_name["DEMO_004.JPG"]  # true time 09:31:55, its clock 1 h 03 min slow
    assert slow.capture.time_source is TimeSource.UNKNOWN
    assert slow.capture.taken_at.isoformat() == "2024-07-15T08:28:55"


def test_the_demo_mission_is_documented(new_catalogue) -> None:
    from catalog_app.services.demo import apply_mission

    list(ImportJob(new_catalogue, [str(sample_mission())], ACTOR, workers=0).run())
    assert apply_mission(new_catalogue, ACTOR) == 13
    assert apply_mission(new_catalogue, ACTOR) == 0  # twice adds nothing
    incidents = {i.name: i for i in new_catalogue.incidents()}
    assert len(incidents) == 5
    hospital = incidents["Missile strike on Okhmatdyt children's hospital, Kyiv"]
    assert (hospital.photo_count, hospital.starts_at) == (4, "2024-07-08T10:00:00+03:00")
    by_name = {Path(p.sources[0].path).name: p for p in new_catalogue.photos()}
    by_id = {p.id: n for n, p in by_name.items()}
    assert by_name["DEMO_014.JPG"].graphic and by_name["DEMO_015.HEIC"].restricted
    assert "«Яблунська»" in by_name["DEMO_008.JPG"].caption
    slow = by_name["DEMO_004.JPG"]  # recorded 08:28:55; its camera's clock is corrected
    assert slow.capture.taken_at.isoformat() == "2024-07-15T08:28:55"
    assert slow.taken_at_corrected.isoformat() == "2024-07-15T09:31:55"
    from catalog_app.core.models import PhotoFilter

    labels = {r.id: r.label for r in new_catalogue.grid_rows(PhotoFilter())}
    assert labels[slow.id] == "2024-07-15 09:31:55 *"  # the grid shows the corrected time
    assert labels[by_name["DEMO_003.JPG"].id] == "2024-07-15 09:20:13"
    # the date filter goes by the corrected date: a correction across midnight moves a photo
    from catalog_app.core.models import Camera

    def on(day: str) -> set[int]:
        return {r.id for r in new_catalogue.grid_rows(PhotoFilter(date_from=day, date_to=day))}

    next_day = by_name["DEMO_016.JPG"].id  # recorded 2024-07-09 07:42:03 by the slow camera
    assert next_day in on("2024-07-09")
    new_catalogue.set_clock(Camera("DemoCam", "Field B", "DEMO-B-0002"), 20 * 3600, "test",
                            ACTOR)
    assert next_day in on("2024-07-10") and next_day not in on("2024-07-09")
    copies = [n for n, p in by_name.items() if p.duplicate_of is not None]
    assert sorted(copies) == ["DEMO_014 (copy).png", "WhatsApp Image 2024-07-15 at 09.20.11.jpeg",
                              "signal-2024-07-17-154500.jpg"]
    untagged = sorted(n for n, p in by_name.items() if p.incident is None and n not in copies)
    assert untagged == ["DEMO_002.HEIC", "DEMO_009.JPG", "DEMO_012.HEIC"]
    from catalog_app.core.suggest import suggest

    found = suggest(new_catalogue.photos(), new_catalogue.incidents())
    reasons = {(by_id[s.photo], s.incident_name, s.reason.split(" ")[0]) for s in found}
    assert reasons == {("DEMO_002.HEIC", "Mass graves in the Izyum forest", "taken"),
                       ("DEMO_012.HEIC", "Shelled apartment blocks, Irpin", "taken")}
