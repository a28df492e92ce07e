"""GUI fixtures: an AppController on temporary settings, with dialogs recorded, not shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from catalog_app.gui.app import AppController
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
    made = AppController(app_settings, "gui-tester", notify=dialogs.notify, ask=dialogs.ask,
                         workers=2)
    yield made
    if made.importer is not None and made.importer.running:
        made.importer.cancel()
        made.importer.wait()
    made.close_window()
