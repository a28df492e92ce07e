"""File > Find faces runs the scan as a job; the inspector says "1 face found, not reviewed" and
its buttons record the review or the "publish anyway"."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from catalog_app.core.faces import DEFAULT
from catalog_app.core.models import Actor
from catalog_app.db.catalogue import Catalogue
from catalog_app.db.faces import PUBLISHED_ANYWAY
from catalog_app.gui.controllers import faces as faces_controller
from catalog_app.gui.controllers.faces import FacesController
from catalog_app.services.faces import FaceJob
from catalog_app.services.importing import ImportJob
from tests.gui.conftest import open_window, settle
from tests.support import face_photos as fp


def _catalogue(tmp_path: Path) -> Path:
    card = tmp_path / "card"
    card.mkdir()
    fp.astronaut().image.save(card / "a-astronaut.jpg", "JPEG", quality=92)
    fp.sample("coffee").save(card / "b-coffee.jpg", "JPEG", quality=92)
    fp.astronaut().image.save(card / "c-astronaut.png")
    root = tmp_path / "cat"
    with Catalogue.open(root, create=True) as catalogue:
        list(ImportJob(catalogue, [str(card)], Actor("importer", "laptop", "test"),
                       workers=0).run())
    return root


def _faces(workspace) -> FacesController:
    (found,) = workspace.window.findChildren(FacesController)
    return found


def _show(qtbot, workspace, name: str) -> int:
    window, faces = workspace.window, _faces(workspace)
    row = next(r for r in range(window.model.rowCount())
               if workspace.session.catalogue.photo(window.model.photo_id(r)).sources[0]
               .path.endswith(name))
    photo_id = window.model.photo_id(row)
    settle(qtbot, workspace)
    with qtbot.waitSignal(faces.scan_shown, timeout=20000,
                          check_params_cb=lambda pid: pid == photo_id):
        window.grid.setCurrentIndex(window.model.index(row))
        window.grid.selectionModel().select(window.model.index(row),
                                            window.grid.selectionModel().SelectionFlag
                                            .ClearAndSelect)
    return photo_id


def test_faces_found_in_the_window_are_reviewed_or_published_anyway(qtbot, controller,
                                                                    tmp_path) -> None:
    workspace = open_window(qtbot, controller, _catalogue(tmp_path), create=False)
    window, faces = workspace.window, _faces(workspace)
    row = window.inspector.faces
    events = []
    faces.job.progress.connect(events.append)
    with qtbot.waitSignal(faces.job.finished, timeout=180000) as done:
        window.find_faces_action.trigger()
        assert faces.job.running  # on the job's thread: the window stays responsive
    summary = done.args[0]
    assert (summary.scanned, summary.with_faces, summary.failed) == (3, 2, [])
    assert events and events[-1].done == 3

    coffee = _show(qtbot, workspace, "b-coffee.jpg")
    assert row.status.text() == "Faces: no face found"
    assert not row.review_button.isVisibleTo(window)

    first = _show(qtbot, workspace, "a-astronaut.jpg")
    assert row.status.text().startswith("Faces: 1 face found, not reviewed")
    assert row.review_button.isVisibleTo(window) and row.anyway_button.isVisibleTo(window)
    row.review_button.click()
    qtbot.waitUntil(lambda: row.status.text().startswith(
        "Faces: 1 face found, reviewed by gui-tester"), timeout=20000)
    assert not row.review_button.isVisibleTo(window)

    second = _show(qtbot, workspace, "c-astronaut.png")
    faces.ask = lambda _parent, _text: False  # the person says no: nothing is recorded
    row.anyway_button.click()
    settle(qtbot, workspace)
    assert workspace.session.catalogue.faces_unreviewed() == [second]
    faces.ask = lambda _parent, _text: True
    row.anyway_button.click()
    qtbot.waitUntil(lambda: "published anyway by gui-tester" in row.status.text(),
                    timeout=20000)
    settle(qtbot, workspace)
    catalogue = workspace.session.catalogue
    assert catalogue.faces_unreviewed() == []
    (logged,) = [e for e in catalogue.custody_log() if e.action == PUBLISHED_ANYWAY]
    assert (logged.photo_id, logged.operator) == (second, "gui-tester")
    assert first != second and coffee not in (first, second)


class _PausedScan(FaceJob):
    """A face scan that stops after its first photo until the test opens `gate`."""

    gate = paused = threading.Event()

    def run(self):
        for event in super().run():
            yield event
            if event.done == 1:
                self.paused.set()
                self.gate.wait(60)


@pytest.fixture
def gate():
    opened = threading.Event()
    yield opened
    opened.set()  # never leave a scan paused behind a failed test


def test_closing_during_a_face_scan_waits_for_it_to_end(qtbot, controller, tmp_path,
                                                         monkeypatch, gate) -> None:
    paused = threading.Event()
    monkeypatch.setattr(_PausedScan, "gate", gate)
    monkeypatch.setattr(_PausedScan, "paused", paused)
    monkeypatch.setattr(faces_controller, "FaceJob", _PausedScan)
    root = _catalogue(tmp_path)
    workspace = open_window(qtbot, controller, root, create=False)
    window, faces = workspace.window, _faces(workspace)
    assert faces.job in workspace.jobs
    faces.workers = 0  # in this process: the pause is between two photos, none in flight
    window.find_faces_action.trigger()
    qtbot.waitUntil(paused.is_set, timeout=30000)  # paused after the first photo

    window.close()  # returns while the scan is paused: nothing waited on the GUI thread
    assert window.isVisible() and faces.job.running and faces.job.cancelled
    assert workspace.busy and workspace.closing

    with qtbot.waitSignal(faces.job.finished, timeout=60000) as finished:
        gate.set()
    summary = finished.args[0]
    assert summary.cancelled and summary.scanned == 1  # no photo started after the close
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)  # closed once it ended
    qtbot.waitUntil(lambda: controller.idle and controller.workspace is None, timeout=10000)
    with Catalogue.open(root) as catalogue:  # what it found before the close is recorded
        assert len(catalogue.faces_scanned_with(DEFAULT.version)) == 1
        assert catalogue.state_check().problems == []
