"""The demo mission imports cleanly and shows what its README promises."""

from __future__ import annotations

from pathlib import Path

from catalog_app.core.importer import ImportJob
from catalog_app.core.models import TimeSource
from catalog_app.gui.app import sample_mission
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
