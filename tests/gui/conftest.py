"""GUI fixtures: an application controller on temporary settings, with dialogs recorded, not
shown; helpers to open a window and import through it (pytest-qt, headless)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings

from catalog_app.db.catalogue import Catalogue
from catalog_app.gui import translation
from catalog_app.gui.app import make_app
from catalog_app.gui.controllers.workspace import Workspace
from catalog_app.gui.settings_store import AppSettings
from catalog_app.services.demo import apply_mission, sample_mission
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR


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


@pytest.fixture(autouse=True, scope="session")
def _window_in_english(qapp):
    """The window's English catalogue installed, as the app does at start: its plural forms
    ("1 entry matches") come from it."""
    translation.install(qapp, "en")


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


@pytest.fixture(scope="module")
def demo_catalogue(tmp_path_factory) -> Path:
    """The demo mission imported and tagged once per test module (copied per test by `ws`)."""
    root = tmp_path_factory.mktemp("demo") / "demo"
    with Catalogue.open(root, create=True) as catalogue:
        list(ImportJob(catalogue, [str(sample_mission())], ACTOR, workers=0).run())
        apply_mission(catalogue, ACTOR)
    return root


@pytest.fixture
def ws(qtbot, controller, tmp_path: Path, demo_catalogue) -> Workspace:
    """A window on a fresh copy of the demo mission, its grid and incidents loaded."""
    root = tmp_path / "demo"
    shutil.copytree(demo_catalogue, root)
    made = open_window(qtbot, controller, root, create=False)
    qtbot.waitUntil(lambda: made.window.model.rowCount() > 0 and bool(made.tagging.incidents),
                    timeout=20000)
    return made


def select_rows(window, rows: list[int]) -> None:
    """Select exactly these grid rows."""
    selection = window.grid.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(window.model.index(row), QItemSelectionModel.SelectionFlag.Select)

