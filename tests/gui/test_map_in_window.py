"""The map dock on the real corpus: its positioned photos, selection shared with the grid both
ways, a drop that places a photo (logged, undoable), a tile pack from a file, and no network."""

from __future__ import annotations

import shutil
import socket
import sqlite3
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from catalog_app.core import basemap
from catalog_app.core.layout import DB_NAME
from catalog_app.db.catalogue import Catalogue
from tests.gui.conftest import open_window, settle
from tests.support.gpx import write_gpx

# the corpus's photos whose camera recorded a position: 34 of its 117 today (issue 17 counted 33
# of 116, before a file was added; the README's 38 GPS files include 4 with "no position")
CORPUS_POSITIONED = 34


@pytest.fixture
def corpus_map(qtbot, controller, tmp_path: Path, imported_corpus):
    """A window on a copy of the session's corpus catalogue, its map dock shown."""
    source, _job, _events = imported_corpus
    root = tmp_path / "cat"
    shutil.copytree(source.layout.root, root, ignore=shutil.ignore_patterns(f"{DB_NAME}*"))
    source.backup_database(root / DB_NAME)
    workspace = open_window(qtbot, controller, root, create=False)
    qtbot.waitUntil(lambda: workspace.window.model.rowCount() > 100, timeout=20000)
    with qtbot.waitSignal(workspace.map.refreshed, timeout=20000):
        workspace.window.map_dock.show()
    workspace.window.resize(1200, 900)
    return workspace


def _grid_ids(window) -> set[int]:
    return set(window.selected_ids())


def test_the_map_shows_the_positioned_photos_and_shares_the_selection(qtbot, corpus_map,
                                                                      imported_corpus) -> None:
    catalogue = imported_corpus[0]
    with_gps = {p.id for p in catalogue.photos() if p.capture.gps is not None}
    view, window = corpus_map.map.view, corpus_map.window
    assert len(with_gps) == CORPUS_POSITIONED
    assert set(view.shown_ids()) == with_gps
    unplaced = corpus_map.window.map_panel.unplaced.ids()
    assert len(unplaced) == window.model.rowCount() - CORPUS_POSITIONED
    assert not set(unplaced) & with_gps

    # grid -> map: photos selected in the grid are the map's selection
    two = sorted(with_gps)[:2]
    window.grid.clearSelection()
    window.reselect([*two, sorted(unplaced)[0]])
    assert _grid_ids(window) == {*two, sorted(unplaced)[0]}
    assert set(view.selected_ids()) == set(two)

    # map -> grid: a box drawn with Shift around one photo's group selects its photos
    view.fit()
    target = sorted(with_gps)[5]
    at = view.marker_of(target)
    assert at is not None
    expected = set(view.ids_at(at))
    assert target in expected
    corner = QPoint(int(at.x()) - 3, int(at.y()) - 3)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, corner)
    qtbot.mouseMove(view, QPoint(int(at.x()) + 3, int(at.y()) + 3))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                       QPoint(int(at.x()) + 3, int(at.y()) + 3))
    assert set(view.selected_ids()) == expected == _grid_ids(window)
    # Ctrl+click on nothing adds nothing; a click on empty sea clears
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert view.selected_ids() == [] and _grid_ids(window) == set()
    # a click on the dot or group selects all its photos, in the grid too
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(int(at.x()), int(at.y())))
    assert set(view.selected_ids()) == expected == _grid_ids(window)


def test_a_photo_dropped_on_the_map_is_placed_logged_and_undone(qtbot, corpus_map) -> None:
    window, view = corpus_map.window, corpus_map.map.view
    photo_id = window.map_panel.unplaced.ids()[0]
    row = window.model.row_of(photo_id)
    assert row is not None
    data: QMimeData = window.model.mimeData([window.model.index(row)])
    view.set_view(*[float(v) for v in basemap.to_world(50.4501, 30.5234)], 12)
    centre = QPointF(view.width() / 2, view.height() / 2)
    enter = QDragEnterEvent(centre.toPoint(), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view, enter)  # Qt delivers a drop only after an accepted enter
    assert enter.isAccepted()
    drop = QDropEvent(centre, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view, drop)
    qtbot.waitUntil(lambda: photo_id in view.shown_ids(), timeout=20000)
    settle(qtbot, corpus_map)
    assert photo_id not in window.map_panel.unplaced.ids()

    def placed():  # type: ignore[no-untyped-def]
        with Catalogue.open(corpus_map.session.root, read_only=True) as c:
            return c.photo(photo_id), c.custody_log(photo_id)

    photo, log = placed()
    assert photo.capture.gps is None  # never the camera's GPS
    assert photo.assigned is not None and photo.assigned.detail == "placed by hand by gui-tester"
    assert photo.assigned.lat == pytest.approx(50.4501, abs=1e-4)
    assert photo.assigned.lon == pytest.approx(30.5234, abs=1e-4)
    assert log[-1].action == "position-set" and log[-1].details["old"] is None

    corpus_map.window.undo_stack.undo()
    qtbot.waitUntil(lambda: photo_id not in view.shown_ids(), timeout=20000)
    settle(qtbot, corpus_map)
    photo, log = placed()
    assert photo.assigned is None and photo_id not in view.shown_ids()
    assert log[-1].action == "position-set" and log[-1].details["new"] is None
    assert photo_id in window.map_panel.unplaced.ids()


@pytest.fixture
def no_network(monkeypatch) -> list[object]:
    """Every socket.connect refused (and noted), from before the window opens."""
    attempts: list[object] = []

    def refuse(self, address):  # type: ignore[no-untyped-def]
        attempts.append(address)
        raise OSError("the network is unreachable in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


def test_the_map_renders_offline_and_opens_no_socket(qtbot, no_network, corpus_map) -> None:
    attempts = no_network
    view = corpus_map.map.view
    qtbot.waitUntil(lambda: view.basemap is not None, timeout=60000)
    view.fit()
    image = view.grab().toImage()
    view.set_view(0.5, 0.5, 1)
    view.grab()  # a new zoom: the nearest one drawn is shown scaled, the detail follows
    QApplication.processEvents()
    world = view.grab().toImage()
    colours = {world.pixelColor(x, y).name() for x in range(0, world.width(), 7)
               for y in range(0, world.height(), 7)}
    assert "#f4f1ea" in colours and "#cfe0ea" in colours  # land and water drawn
    assert image.width() > 0 and attempts == []


def test_a_tile_pack_from_a_file_is_drawn(qtbot, corpus_map, tmp_path: Path) -> None:
    pack = tmp_path / "mission.mbtiles"
    conn = sqlite3.connect(pack)
    conn.executescript("CREATE TABLE metadata (name TEXT, value TEXT);"
                       "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER,"
                       " tile_row INTEGER, tile_data BLOB);")
    conn.executemany("INSERT INTO metadata VALUES (?, ?)", [
        ("name", "mission"), ("format", "png"), ("attribution", "Test tiles, made here")])
    png = BytesIO()
    Image.new("RGB", (256, 256), (200, 30, 30)).save(png, "PNG")
    # zoom 3, column 4, slippy row 2 (TMS row 8 - 1 - 2 = 5): Ukraine's tile
    conn.execute("INSERT INTO tiles VALUES (3, 4, 5, ?)", (png.getvalue(),))
    conn.commit()
    conn.close()
    view = corpus_map.map.view
    corpus_map.map.open_tile_pack(pack)
    view.set_view(4.5 / 8, 2.5 / 8, 3)
    image = view.grab().toImage()
    middle = image.pixelColor(image.width() // 2, image.height() // 2)
    assert (middle.red(), middle.green(), middle.blue()) == (200, 30, 30)
    corpus_map.map.open_tile_pack(tmp_path / "nothing.mbtiles")  # refused in one sentence
    assert "is not an MBTiles tile pack" in corpus_map.window.statusBar().currentMessage()
    assert view.tiles is not None and view.tiles.name == "mission"


def test_a_track_is_previewed_on_the_map_then_applied_and_undone(qtbot, corpus_map,
                                                                 imported_corpus,
                                                                 tmp_path: Path) -> None:
    catalogue = imported_corpus[0]
    photo = next(p for p in catalogue.photos()
                 if p.capture.gps is None and p.best_time_utc is not None)
    when = photo.best_time_utc
    assert when is not None
    gpx = write_gpx(tmp_path / "walk.gpx", [[(when - timedelta(seconds=30), 46.48, 30.72),
                                             (when + timedelta(seconds=30), 46.49, 30.73)]])
    ctl, view = corpus_map.map, corpus_map.map.view
    with qtbot.waitSignal(ctl.refreshed, timeout=20000):
        ctl.preview_track(gpx)
    assert corpus_map.window.map_panel.apply_button.isEnabled()
    assert photo.id not in view.shown_ids()  # a preview records nothing
    ctl.apply_track()
    qtbot.waitUntil(lambda: photo.id in view.shown_ids(), timeout=20000)
    assert view.sources[view.shown_ids().index(photo.id)] == "track"
    settle(qtbot, corpus_map)
    corpus_map.window.undo_stack.undo()
    qtbot.waitUntil(lambda: photo.id not in view.shown_ids(), timeout=20000)
    settle(qtbot, corpus_map)
    assert photo.id not in view.shown_ids()
