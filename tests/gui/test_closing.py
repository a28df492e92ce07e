"""Closing the window while work runs: it cancels the work, returns at once, and the window
closes when the job reports its end. The jobs here pause at a point the test controls, so a
close that waited on the GUI thread for them would never return while they are paused."""

from __future__ import annotations

import threading

import pytest

from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.controllers import importing as importing_controller
from catalog_app.gui.controllers import verify as verify_controller
from catalog_app.services.importing import ImportJob
from catalog_app.services.verify import VerifyJob
from tests.conftest import ACTOR
from tests.gui.conftest import open_window
from tests.support.synthetic import make_jpegs


def _paused(job_class, gate: threading.Event, paused: threading.Event):
    """job_class whose run() stops after its first progress event until `gate` opens."""

    class Paused(job_class):
        def run(self):
            for n, event in enumerate(super().run()):
                yield event
                if n == 0:
                    paused.set()
                    gate.wait(60)

    return Paused


@pytest.fixture
def gate():
    opened = threading.Event()
    yield opened
    opened.set()  # never leave a job paused behind a failed test


def test_closing_during_an_import_cancels_it_without_waiting(
        qtbot, controller, tmp_path, monkeypatch, gate) -> None:
    paused = threading.Event()
    monkeypatch.setattr(importing_controller, "ImportJob", _paused(ImportJob, gate, paused))
    make_jpegs(tmp_path / "card", 40)
    workspace = open_window(qtbot, controller, tmp_path / "cat")
    window, importer = workspace.window, workspace.importer
    assert importer.start([str(tmp_path / "card")])
    qtbot.waitUntil(paused.is_set, timeout=30000)

    window.quit_action.trigger()  # File > Quit, as a person would
    # It returned while the import is still paused inside a file: nothing waited for it.
    assert window.isVisible() and importer.running and importer.job.cancelled
    assert "Finishing the work in progress" in window.import_panel.status.text()

    with qtbot.waitSignal(importer.finished, timeout=60000) as finished:
        gate.set()
    summary = finished.args[0]
    assert summary.cancelled and summary.imported < 40
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)  # closed once it ended
    qtbot.waitUntil(lambda: controller.idle and controller.workspace is None, timeout=10000)
    with Catalogue.open(tmp_path / "cat") as catalogue:
        assert catalogue.count_photos() == summary.imported
        assert catalogue.integrity_problems() == []
    open_window(qtbot, controller, tmp_path / "cat", create=False)  # its lock was let go


def test_closing_during_a_verify_cancels_it_without_waiting(
        qtbot, controller, tmp_path, monkeypatch, gate) -> None:
    make_jpegs(tmp_path / "card", 40)
    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        list(ImportJob(catalogue, [str(tmp_path / "card")], ACTOR, workers=0).run())
    paused = threading.Event()
    monkeypatch.setattr(verify_controller, "VerifyJob", _paused(VerifyJob, gate, paused))
    workspace = open_window(qtbot, controller, tmp_path / "cat", create=False)
    window, verifier = workspace.window, workspace.verifier
    window.verify_action.trigger()
    qtbot.waitUntil(paused.is_set, timeout=30000)

    window.close()
    assert window.isVisible() and verifier.running and verifier.job.cancelled

    with qtbot.waitSignal(verifier.finished, timeout=60000) as finished:
        gate.set()
    report = finished.args[0]
    assert report.cancelled and report.checked < 40
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: controller.idle, timeout=10000)
    with Catalogue.open(tmp_path / "cat") as catalogue:  # a cancelled verify is not recorded
        assert "verify" not in [e.action for e in catalogue.custody_log()]


def test_closing_an_idle_window_closes_it_at_once(qtbot, controller, tmp_path) -> None:
    workspace = open_window(qtbot, controller, tmp_path / "cat")
    workspace.window.close()
    assert not workspace.window.isVisible() and controller.workspace is None


def test_closing_during_an_export_cancels_it_without_waiting(
        qtbot, controller, tmp_path, monkeypatch, gate) -> None:
    from catalog_app.core.models import ExportKind
    from catalog_app.export import folder
    from catalog_app.export.gallery import GalleryOptions
    from catalog_app.export.package import PackageExport
    from catalog_app.export.selection import Selection
    from catalog_app.gui.controllers import exporting as exporting_controller
    from catalog_app.gui.views.export_dialog import ExportRequest

    make_jpegs(tmp_path / "card", 30)
    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        list(ImportJob(catalogue, [str(tmp_path / "card")], ACTOR, workers=0).run())
    paused = threading.Event()
    monkeypatch.setattr(exporting_controller, "PackageExport",
                        _paused(PackageExport, gate, paused))
    workspace = open_window(qtbot, controller, tmp_path / "cat", create=False)
    window, exporter = workspace.window, workspace.exporter
    everything = Selection(include_untagged=True)
    exporter._start(ExportRequest(ExportKind.PACKAGE, tmp_path / "pkg", everything,
                                  GalleryOptions(selection=everything), make_zip=False))
    qtbot.waitUntil(paused.is_set, timeout=30000)

    window.close()  # returns while the export is paused between two originals
    assert window.isVisible() and exporter.running

    with qtbot.waitSignal(exporter.finished, timeout=60000) as finished:
        gate.set()
    job = finished.args[0]
    assert job.summary.cancelled
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: controller.idle, timeout=10000)
    marker = folder.read_marker(tmp_path / "pkg")
    assert marker is not None and marker.get("complete") is not True  # said to be unfinished
    with Catalogue.open(tmp_path / "cat") as catalogue:  # a cancelled package is not logged
        assert "export-package" not in [e.action for e in catalogue.custody_log()]


def test_a_released_session_holds_nothing_of_the_app(qtbot, tmp_path) -> None:
    """When a closed window's session is deleted (deleteLater), nothing connected to it may
    hold the application controller, its parent: dropping the controller's last reference
    inside the session's deletion deletes the session twice. That segfaulted the GUI run in
    pytest-qt's event processing after a test that made its own controller
    (test_the_key_used_last_is_offered_at_the_next_start), about one full run in two."""
    from PySide6.QtCore import SIGNAL, QSettings

    from catalog_app.gui.app import make_app
    from catalog_app.gui.settings_store import AppSettings

    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    app = make_app(settings, "gui-tester", notify=lambda *_: None, ask=lambda *_: False,
                   workers=2)
    workspace = open_window(qtbot, app, tmp_path / "cat")
    session = workspace.session
    released, receivers = app._released, []

    def spy(closed) -> None:
        released(closed)
        receivers.append(session.receivers(SIGNAL("closed()")))

    app._released = spy  # type: ignore[method-assign]
    app.close_window()
    qtbot.waitUntil(lambda: app.idle, timeout=60000)
    assert receivers == [0]
