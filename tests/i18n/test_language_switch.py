# ruff: noqa: F811  (the window fixtures of tests/gui/conftest.py, imported)
"""Settings > Language: the window closes through its normal path and the same catalogue opens
again in the new language, with the same collection, filters and selection; a refused close
keeps the language; the choice is saved for the next start."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from catalog_app import i18n
from catalog_app.gui import translation
from tests.gui.conftest import (  # noqa: F401  (fixtures)
    app_settings,
    controller,
    demo_catalogue,
    dialogs,
    select_rows,
    settle,
    ws,
)


@pytest.fixture(autouse=True)
def english_after(qapp):
    yield
    translation.install(QApplication.instance(), "en")


def _switch(qtbot, controller, language: str):
    with qtbot.waitSignal(controller.opened, timeout=60000) as opened:
        assert controller.switch_language(language)
    assert opened.args == [True]
    workspace = controller.workspace
    qtbot.waitUntil(lambda: not workspace.browse.refreshing and bool(workspace.tagging.incidents),
                    timeout=20000)
    return workspace


def test_switching_to_ukrainian_reopens_the_same_catalogue_with_the_selection(
        qtbot, controller, ws, app_settings) -> None:
    window = ws.window
    incident = next(iter(ws.tagging.incidents))
    assert window.sidebar.select(f"incident:{incident}")
    qtbot.waitUntil(lambda: not ws.browse.refreshing, timeout=20000)
    with qtbot.waitSignal(ws.browse.refreshed, timeout=20000):
        window.filters.search.setText(".jpg")  # the filter bar's own delay, then a refresh
    qtbot.waitUntil(lambda: not ws.browse.refreshing, timeout=20000)
    settle(qtbot, ws)
    rows = window.model.rowCount()
    assert rows >= 1
    select_rows(window, list(range(min(rows, 2))))
    selected = sorted(window.selected_ids())
    root = ws.session.root

    again = _switch(qtbot, controller, "uk")
    assert again is not ws and again.session.root == root
    qtbot.waitUntil(lambda: sorted(again.window.selected_ids()) == selected, timeout=20000)
    assert again.window.sidebar.current_key() == f"incident:{incident}"
    assert again.window.filters.search.text() == ".jpg"
    assert i18n.current() == "uk"
    assert app_settings.language == "uk"
    assert QApplication.quitOnLastWindowClosed()
    again.browse.show_status()
    status = again.window.statusBar().currentMessage()
    assert "вибрано" in status, status  # the window's own texts speak Ukrainian

    back = _switch(qtbot, controller, "en")
    assert i18n.current() == "en" and app_settings.language == "en"
    back.browse.show_status()
    assert "selected" in back.window.statusBar().currentMessage()


def test_a_refused_close_keeps_the_language_and_the_window(qtbot, controller, ws,
                                                           app_settings) -> None:
    ws.window.close_guard = lambda: False  # as when closing is refused
    assert not controller.switch_language("uk")
    assert controller.workspace is ws and ws.window.isVisible()
    assert QApplication.quitOnLastWindowClosed()
    assert i18n.current() == "en" and app_settings.language == ""
    ws.window.close_guard = None


def test_the_choice_persists_and_system_means_the_locale(qtbot, controller, ws,
                                                        app_settings) -> None:
    _switch(qtbot, controller, "uk")
    app_settings.sync()
    assert app_settings.language == "uk"
    assert QApplication.quitOnLastWindowClosed()
    _switch(qtbot, controller, "")
    assert app_settings.language == ""
    assert i18n.current() == translation.system_language()


def test_read_only_is_kept(qtbot, controller, ws) -> None:
    root = ws.session.root
    controller.close_window()
    qtbot.waitUntil(lambda: controller.idle, timeout=20000)
    with qtbot.waitSignal(controller.opened, timeout=60000):
        assert controller.open(root, read_only=True)
    first = controller.workspace
    qtbot.waitUntil(lambda: not first.browse.refreshing, timeout=20000)
    assert first.session.catalogue.read_only
    again = _switch(qtbot, controller, "uk")
    assert again.session.catalogue.read_only and again.window.read_only


def test_a_switch_during_an_import_waits_for_it(qtbot, controller, ws, tmp_path, monkeypatch,
                                                 app_settings) -> None:
    import threading

    from catalog_app.gui.controllers import importing as importing_controller
    from catalog_app.services.importing import ImportJob
    from tests.gui.test_closing import _paused
    from tests.support.synthetic import make_jpegs

    gate, paused = threading.Event(), threading.Event()

    monkeypatch.setattr(importing_controller, "ImportJob", _paused(ImportJob, gate, paused))
    make_jpegs(tmp_path / "card", 20)
    try:
        assert ws.importer.start([str(tmp_path / "card")])
        qtbot.waitUntil(paused.is_set, timeout=30000)
        assert controller.switch_language("uk")  # closing: the import is cancelled first
        assert ws.window.isVisible() and ws.importer.job.cancelled
        assert i18n.current() == "en" and app_settings.language == ""
        assert not QApplication.quitOnLastWindowClosed()  # no window for a moment: keep running
        with qtbot.waitSignal(controller.opened, timeout=60000) as opened:
            gate.set()
    finally:
        gate.set()
    assert opened.args == [True]
    assert controller.workspace is not ws and i18n.current() == "uk"
    assert app_settings.language == "uk"
    assert QApplication.quitOnLastWindowClosed()
