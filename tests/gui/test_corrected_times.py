"""Every capture time the window shows is the corrected one once a camera's clock is corrected:
the inspector (local and UTC alike), the viewer's caption, and the duplicate cards."""

from __future__ import annotations

from datetime import UTC

from catalog_app.core import timezones
from catalog_app.core.models import TimeSource
from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.views.duplicates_view import describe
from catalog_app.services.demo import sample_mission
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR
from tests.gui.conftest import open_window, settle

HOUR = 3600


def test_a_corrected_clock_shows_everywhere(qtbot, controller, tmp_path) -> None:
    root = tmp_path / "cat"
    with Catalogue.open(root, create=True) as catalogue:
        list(ImportJob(catalogue, [str(sample_mission())], ACTOR, workers=0).run())
        zoned = next(p for p in catalogue.photos()  # a zone that does not follow the clock
                     if p.capture.taken_at and p.capture.time_source in (
                         TimeSource.EXIF_OFFSET, TimeSource.GPS_POSITION))
        catalogue.set_clock(zoned.capture.camera, HOUR, "camera an hour slow", ACTOR)
        photo = catalogue.photo(zoned.id)
    recorded, corrected = photo.capture.taken_at, photo.best_time
    assert corrected is not None and recorded is not None
    assert corrected.astimezone(UTC) != recorded.astimezone(UTC)
    shown = corrected.isoformat(sep=" ")

    workspace = open_window(qtbot, controller, root, create=False)
    window = workspace.window
    row = window.model.row_of(photo.id)
    with qtbot.waitSignal(workspace.inspect.preview_shown, timeout=20000):
        window.grid.setCurrentIndex(window.model.index(row))
    fields = window.inspector.fields
    assert fields["taken"].text().startswith(shown)
    assert f"recorded {recorded.isoformat(sep=' ')}" in fields["taken"].text()
    assert photo.best_time_utc == corrected.astimezone(UTC)
    assert fields["utc"].text() == timezones.to_utc_iso(photo.best_time_utc)

    window.view_action.trigger()
    qtbot.waitUntil(lambda: shown in window.viewer.caption.text(), timeout=20000)
    window.viewer.close()

    assert describe(photo)["taken"] == shown  # the duplicate card's line
    settle(qtbot, workspace)
