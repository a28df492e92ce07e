# ruff: noqa: F811  (the window fixtures of tests/gui/conftest.py, imported)
"""The controllers' message boxes, questions and status sentences come out in Ukrainian when the
window speaks it: collected through the ask/notify hooks and signals, compared with the English
sources of the catalogues."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication

from catalog_app.gui import translation
from catalog_app.gui.app import make_app
from tests.gui.conftest import (  # noqa: F401  (fixtures)
    app_settings,
    demo_catalogue,
    dialogs,
    open_window,
    select_rows,
    settle,
)
from tests.gui.visible_text import clean, english_sources

CYRILLIC = re.compile("[А-Яа-яІіЇїЄєҐґ]")


class Said:
    """Every title and text the controllers would show."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.answer = False

    def notify(self, title: str, text: str) -> None:
        self.texts += [title, text]

    def ask(self, title: str, text: str) -> bool:
        self.texts += [title, text]
        return self.answer


@pytest.fixture
def ukrainian(qapp):
    translation.install(QApplication.instance(), "uk")
    yield
    translation.install(QApplication.instance(), "en")


@pytest.fixture
def said() -> Said:
    return Said()


@pytest.fixture
def uk_controller(qtbot, ukrainian, app_settings, said):
    made = make_app(app_settings, "gui-tester", notify=said.notify, ask=said.ask, workers=2)
    yield made
    made.close_window()
    qtbot.waitUntil(lambda: made.idle, timeout=120000)


def _no_english(texts: list[str]) -> None:
    sources = english_sources()
    assert texts
    for text in texts:
        assert clean(text) not in sources, text
        assert CYRILLIC.search(text), text


def test_opening_and_the_demo_offer_speak_ukrainian(qtbot, uk_controller, said,
                                                    tmp_path) -> None:
    assert not uk_controller.open(tmp_path / "nowhere")  # no catalogue there
    assert "немає каталогу" in said.texts[-1]
    open_window(qtbot, uk_controller, tmp_path / "empty")  # empty: the demo is offered
    qtbot.waitUntil(lambda: len(said.texts) >= 4, timeout=20000)
    assert said.texts[2] == "Відкрити демонстраційну місію?"
    _no_english(said.texts)


def test_tagging_questions_and_sentences_speak_ukrainian(qtbot, uk_controller, said,
                                                         tmp_path, demo_catalogue) -> None:
    import shutil

    root = tmp_path / "demo"
    shutil.copytree(demo_catalogue, root)
    ws = open_window(qtbot, uk_controller, root, create=False)
    qtbot.waitUntil(lambda: ws.window.model.rowCount() > 0 and bool(ws.tagging.incidents),
                    timeout=20000)
    shown: list[str] = []
    tagging = ws.tagging
    incident = next(i for i in tagging.incidents.values() if i.photo_count)
    for box in (tagging.archive_incident(incident.id), tagging.delete_incident(incident.id)):
        assert box is not None
        shown += [box.windowTitle(), box.text()]
        box.close()
    assert "фотографі" in shown[1]

    select_rows(ws.window, [0, 1])
    with qtbot.waitSignal(tagging.changed, timeout=20000) as changed:
        tagging.untag_selection()
    shown.append(changed.args[0])
    assert changed.args[0].endswith("відв’язано від інциденту.")
    assert ws.window.undo_stack.undoText().startswith("відв’язування ")
    shown.append(ws.window.undo_stack.undoText())

    ws.faces.ask = lambda _parent, text: shown.append(text) or False
    ws.faces.publish_anyway(ws.window.selected_ids()[0])
    ws.browse.show_status()
    shown.append(ws.window.statusBar().currentMessage().split(" · ")[0])
    _no_english(shown)
