"""Opening catalogues from the window: first start, and a clear sentence when it cannot."""

from __future__ import annotations

import os
import sqlite3

import pytest
from PySide6.QtCore import Qt

from catalog_app import settings as app_settings_module
from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.app import AppController, about_text


def _one_sentence(text: str) -> bool:
    return "\n" not in text and text.endswith(".") and "Traceback" not in text


def test_first_start_offers_the_demo_mission_in_its_own_catalogue(
        qtbot, controller, dialogs, tmp_path, monkeypatch) -> None:
    demo = tmp_path / "demo"
    monkeypatch.setattr(app_settings_module, "demo_catalogue", lambda: demo)
    dialogs.answer = True
    assert controller.open(tmp_path / "team", create=True)
    qtbot.waitUntil(lambda: dialogs.questions == ["Open the demo mission?"], timeout=10000)
    window = controller.window
    assert window.session.root == demo
    with qtbot.waitSignal(window.importer.finished, timeout=60000) as finished:
        pass
    assert finished.args[0].imported == 19
    names = ["◆ Missile strike on Okhmatdyt children's hospital, Kyiv  (4)",
             "◆ Mass graves in the Izyum forest  (5)"]
    qtbot.waitUntil(lambda: all(window.sidebar.findItems(n, Qt.MatchFlag.MatchStartsWith)
                                for n in names), timeout=10000)
    with Catalogue.open(tmp_path / "team") as team:
        assert team.count_photos() == 0  # the team's catalogue was left alone
    controller.close_window()
    assert controller.open(tmp_path / "team")  # asked once only
    qtbot.wait(300)
    assert dialogs.questions == ["Open the demo mission?"]


def test_a_missing_catalogue_is_explained(controller, dialogs, tmp_path) -> None:
    assert not controller.open(tmp_path / "unplugged-usb-disk")
    (_title, text), = dialogs.notes
    assert "There is no catalogue at" in text and _one_sentence(text)
    assert controller.window is None


def test_a_second_window_on_the_same_catalogue_is_refused(
        qtbot, controller, app_settings, dialogs, tmp_path) -> None:
    assert controller.open(tmp_path / "c", create=True)
    other = AppController(app_settings, "someone", notify=dialogs.notify, ask=dialogs.ask)
    try:
        assert not other.open(tmp_path / "c")
    finally:
        other.close_window()
    assert "already open in another catalog_app window" in dialogs.notes[-1][1]
    assert _one_sentence(dialogs.notes[-1][1])
    controller.close_window()
    assert other.open(tmp_path / "c")  # the lock went with the first window
    other.close_window()


def test_a_catalogue_from_a_newer_version_is_refused(controller, dialogs, tmp_path) -> None:
    Catalogue.open(tmp_path / "c", create=True).close()
    with sqlite3.connect(tmp_path / "c" / "catalogue.sqlite") as conn:
        conn.execute("PRAGMA user_version = 77")
    assert not controller.open(tmp_path / "c")
    assert "newer version" in dialogs.notes[-1][1] and _one_sentence(dialogs.notes[-1][1])


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_read_only_catalogue_is_explained(controller, dialogs, tmp_path) -> None:
    Catalogue.open(tmp_path / "c", create=True).close()
    (tmp_path / "c").chmod(0o555)
    try:
        assert not controller.open(tmp_path / "c")
    finally:
        (tmp_path / "c").chmod(0o755)
    assert "cannot be written" in dialogs.notes[-1][1]


def test_recent_catalogues_and_settings_persist(qtbot, controller, app_settings,
                                                tmp_path) -> None:
    assert controller.open(tmp_path / "a", create=True)
    controller.window.set_thumbnail_size(224)
    controller.close_window()
    assert controller.open(tmp_path / "b", create=True)
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
    """The GUI thread keeps handling events while a catalogue opens on a worker thread."""
    import threading
    import time

    from PySide6.QtCore import QTimer

    from catalog_app.db import catalogue as catalogue_module

    Catalogue.open(tmp_path / "cat", create=True).close()
    real, threads, span = catalogue_module.migrate.migrate, [], []

    def slow(*args, **kwargs):
        threads.append(threading.current_thread().name)
        span.append(time.monotonic())
        time.sleep(1.0)  # as a schema update with its backup on a large catalogue
        span.append(time.monotonic())
        return real(*args, **kwargs)

    monkeypatch.setattr(catalogue_module.migrate, "migrate", slow)
    ticks: list[float] = []
    timer = QTimer(interval=50)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    assert controller.open(tmp_path / "cat")
    timer.stop()
    assert threads == ["open-catalogue"]
    during = [t for t in ticks if span[0] < t < span[1]]
    assert len(during) >= 3  # the GUI thread's timers fired while the update ran
