"""GUI fixtures: an application controller on temporary settings, with dialogs recorded, not
shown; helpers to open a window and import through it (pytest-qt, headless)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from catalog_app.gui.app import make_app
from catalog_app.gui.controllers.workspace import Workspace
from catalog_app.gui.settings_store import AppSettings


class Dialogs:
    """Stands in for message boxes: records what would be said, answers questions."""

    def __init__(self) -> None:
        self.notes: list[tuple[str, str]] = []
        self.questions: list[str] = []
        self.answer = False

    def notify(self, title: str, text: str) -> None:
        self.notes.append((title, text))

    def ask(self, title: str, text: str) -> bool:
        self.questions.append(title)
        return self.answer


@pytest.fixture
def dialogs() -> Dialogs:
    return Dialogs()


@pytest.fixture
def app_settings(tmp_path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def controller(qtbot, app_settings, dialogs):
    made = make_app(app_settings, "gui-tester", notify=dialogs.notify, ask=dialogs.ask,
                    workers=2)
    yield made
    made.close_window()  # cancels what runs; the window closes when that has ended
    qtbot.waitUntil(lambda: made.idle, timeout=120000)


def open_window(qtbot, controller, root, create: bool = True) -> Workspace:
    """Open `root` in the window and wait until it shows the catalogue."""
    with qtbot.waitSignal(controller.opened, timeout=60000) as opened:
        assert controller.open(root, create=create)
    assert opened.args == [True]
    workspace = controller.workspace
    qtbot.waitUntil(lambda: not workspace.browse.refreshing, timeout=20000)
    return workspace


def import_and_wait(qtbot, workspace: Workspace, paths, timeout=180000):
    """Import through the window; (summary, progress events) once the grid shows the result."""
    events = []
    workspace.importer.progress.connect(events.append)
    with qtbot.waitSignal(workspace.importer.finished, timeout=timeout) as finished:
        assert workspace.importer.start([str(p) for p in paths])
    with qtbot.waitSignal(workspace.browse.refreshed, timeout=20000):
        pass
    # A live refresh that was running when the import ended asks for one more: wait for it,
    # so the grid holds what the import's end wrote, not an earlier read.
    qtbot.waitUntil(lambda: not workspace.browse.refreshing and not workspace.browse._again,
                    timeout=20000)
    return finished.args[0], events


def settle(qtbot, workspace: Workspace) -> None:
    """Wait until the database thread has answered everything asked of it."""
    qtbot.waitUntil(lambda: not workspace.session.busy, timeout=20000)
