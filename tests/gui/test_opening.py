"""Opening catalogues from the window: first start, and a clear sentence when it cannot."""

from __future__ import annotations

import os
import sqlite3

import pytest
from PySide6.QtCore import Qt

from catalog_app import settings as app_settings_module
from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.app import make_app
from catalog_app.gui.views.about import about_text
from tests.gui.conftest import open_window


def _one_sentence(text: str) -> bool:
    return "\n" not in text and text.endswith(".") and "Traceback" not in text


def test_first_start_offers_the_demo_mission_in_its_own_catalogue(
        qtbot, controller, dialogs, tmp_path, monkeypatch) -> None:
    demo = tmp_path / "demo"
    monkeypatch.setattr(app_settings_module, "demo_catalogue", lambda: demo)
    dialogs.answer = True
    open_window(qtbot, controller, tmp_path / "team")
    qtbot.waitUntil(lambda: dialogs.questions == ["Open the demo mission?"], timeout=10000)
    qtbot.waitUntil(lambda: controller.session is not None and controller.session.root == demo,
                    timeout=20000)
    workspace = controller.workspace
    qtbot.waitUntil(lambda: workspace.importer.last_summary is not None, timeout=60000)
    assert workspace.importer.last_summary.imported == 19
    names = ["◆ Missile strike on Okhmatdyt children's hospital, Kyiv  (4)",
             "◆ Mass graves in the Izyum forest  (5)"]
    sidebar = workspace.window.sidebar
    qtbot.waitUntil(lambda: all(sidebar.findItems(n, Qt.MatchFlag.MatchStartsWith)
                                for n in names), timeout=10000)
    with Catalogue.open(tmp_path / "team") as team:
        assert team.count_photos() == 0  # the team's catalogue was left alone
    controller.close_window()
    team = open_window(qtbot, controller, tmp_path / "team", create=False)  # asked once only
    with qtbot.waitSignal(team.browse.refreshed, timeout=10000):
        team.browse.refresh()  # the count that would prompt the offer has been read by now
    assert dialogs.questions == ["Open the demo mission?"]


def test_a_missing_catalogue_is_explained(controller, dialogs, tmp_path) -> None:
    assert not controller.open(tmp_path / "unplugged-usb-disk")
    (_title, text), = dialogs.notes
    assert "There is no catalogue at" in text and _one_sentence(text)
    assert controller.window is None


def test_a_second_window_on_the_same_catalogue_is_refused(
        qtbot, controller, app_settings, dialogs, tmp_path) -> None:
    open_window(qtbot, controller, tmp_path / "c")
    other = make_app(app_settings, "someone", notify=dialogs.notify, ask=dialogs.ask)
    assert not other.open(tmp_path / "c")
    assert "already open in another catalog_app window" in dialogs.notes[-1][1]
    assert _one_sentence(dialogs.notes[-1][1])
    controller.close_window()
    open_window(qtbot, other, tmp_path / "c", create=False)  # the lock went with the window
    other.close_window()
    qtbot.waitUntil(lambda: other.idle, timeout=10000)


def test_a_catalogue_from_a_newer_version_is_refused(qtbot, controller, dialogs, tmp_path) -> None:
    Catalogue.open(tmp_path / "c", create=True).close()
    with sqlite3.connect(tmp_path / "c" / "catalogue.sqlite") as conn:
        conn.execute("PRAGMA user_version = 77")
    with qtbot.waitSignal(controller.opened, timeout=20000) as opened:
        assert controller.open(tmp_path / "c")  # found: the opening starts, then fails
    assert opened.args == [False] and controller.window is None
    assert "newer version" in dialogs.notes[-1][1] and _one_sentence(dialogs.notes[-1][1])


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_write_protected_catalogue_opens_read_only(qtbot, controller, dialogs,
                                                      tmp_path) -> None:
    Catalogue.open(tmp_path / "c", create=True).close()
    (tmp_path / "c").chmod(0o555)
    try:
        with qtbot.waitSignal(controller.opened, timeout=20000) as opened:
            controller.open(tmp_path / "c")
        assert opened.args == [True]
        assert controller.session.catalogue.read_only
        assert controller.window.read_only == "on read-only media (or write-protected)"
        assert not controller.window.import_action.isEnabled()
        controller.close_window()
        qtbot.waitUntil(lambda: controller.idle, timeout=20000)
    finally:
        (tmp_path / "c").chmod(0o755)
    assert dialogs.notes == []


def test_recent_catalogues_and_settings_persist(qtbot, controller, app_settings,
                                                tmp_path) -> None:
    open_window(qtbot, controller, tmp_path / "a").window.set_thumbnail_size(224)
    controller.close_window()
    open_window(qtbot, controller, tmp_path / "b")
    controller.close_window()
    assert app_settings.recent_catalogues[:2] == [tmp_path / "b", tmp_path / "a"]
    assert app_settings.last_catalogue == tmp_path / "b"
    assert app_settings.thumbnail_size == 224
    assert app_settings.geometry("main") is not None


def test_about_names_the_versions() -> None:
    text = about_text()
    for name in ("catalog_app", "Qt", "PySide6", "Pillow", "exifread", "SQLite"):
        assert name in text


def test_a_slow_schema_update_does_not_freeze_the_window(qtbot, controller, tmp_path,
                                                         monkeypatch) -> None:
    """The GUI thread keeps handling events while a catalogue opens on a worker thread: the
    schema update here waits until the GUI thread has handled an event, so an open that
    blocked the GUI thread would never finish."""
    import threading

    from PySide6.QtCore import QTimer

    from catalog_app.db import catalogue as catalogue_module

    Catalogue.open(tmp_path / "cat", create=True).close()
    real, threads = catalogue_module.migrate.migrate, []
    gui_ran = threading.Event()

    def slow(*args, **kwargs):
        threads.append(threading.current_thread())
        assert gui_ran.wait(30), "the GUI thread handled no event while the catalogue opened"
        return real(*args, **kwargs)

    monkeypatch.setattr(catalogue_module.migrate, "migrate", slow)
    with qtbot.waitSignal(controller.opened, timeout=60000) as opened:
        assert controller.open(tmp_path / "cat")  # returns at once: the opening runs behind
        assert controller.window is None
        QTimer.singleShot(0, gui_ran.set)  # handled by the GUI thread's event loop
    assert opened.args == [True] and gui_ran.is_set()
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert controller.session.root == tmp_path / "cat"
