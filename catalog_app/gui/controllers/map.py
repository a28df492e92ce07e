"""The map dock: its photos and incidents read off the database thread, selection shared with the
grid both ways, photos dropped on it placed by hand (logged, undoable), tile packs opened."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QObject,
    Signal,
)
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFileDialog, QStatusBar

from catalog_app import APP_NAME
from catalog_app.core import basemap, geotrack
from catalog_app.core.models import Actor, Incident
from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.controllers import fill
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.tasks import TaskRunner
from catalog_app.gui.views.main_window import MainWindow
from catalog_app.services import geotag

Points = tuple[list[tuple[int, float, float, str]], list[tuple[int, str]]]


def basemap_cache() -> Path:
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


class MapController(QObject):
    changed = Signal(str)  # a sentence: something was placed (or undone)
    refreshed = Signal()  # the map shows the latest read (tests wait on it)
    basemap_ready = Signal()

    def __init__(self, session: CatalogueSession, window: MainWindow, undo_stack: QUndoStack,
                 background: TaskRunner, status: QStatusBar) -> None:
        super().__init__(window)
        self.session, self.window, self.undo_stack = session, window, undo_stack
        self.background, self.status = background, status
        self.panel = window.map_panel
        self.view = self.panel.map
        self._basemap_asked = False
        self._syncing = False
        self.view.selection_changed.connect(self.select_in_grid)
        self.view.photos_dropped.connect(self.place)
        self.panel.unplaced.itemSelectionChanged.connect(
            lambda: self.select_in_grid(self.panel.unplaced.selected_ids()))
        self.panel.open_tiles_requested.connect(self.ask_tile_pack)
        self.panel.track_requested.connect(self.ask_track)
        self.panel.apply_track_requested.connect(self.apply_track)
        self._previewed: tuple[geotrack.Track, list[geotag.Proposal]] | None = None
        window.map_dock.visibilityChanged.connect(self._shown)

    def _shown(self, visible: bool) -> None:
        if visible:
            self.load_basemap()
            self.refresh()

    def load_basemap(self) -> None:
        """Read the shipped basemap on a pool thread (cached after the first time)."""
        if self._basemap_asked:
            return
        self._basemap_asked = True
        cache = basemap_cache()

        def done(made: basemap.Basemap) -> None:
            self.view.set_basemap(made)
            self.basemap_ready.emit()

        self.background.run(self, lambda: basemap.load(cache), done,
                            lambda e: self.status.showMessage(
                                fill(self.tr("The basemap could not be read: %1"), e), 10000))

    def refresh(self) -> None:
        if not self.window.map_dock.isVisible():
            return

        def query(c: Catalogue) -> tuple[Points, list[Incident]]:
            return c.map_points(), c.incidents()

        self.session.read(self, query, self._read)

    def _read(self, result: tuple[Points, list[Incident]]) -> None:
        (points, unplaced), incidents = result
        self.panel.set_data(points, unplaced)
        self.view.set_incidents([(i.id, i.name, i.lat, i.lon, i.radius_m or 0.0)
                                 for i in incidents if i.lat is not None and i.lon is not None])
        self.view.set_selection(self.window.selected_ids())
        self.refreshed.emit()

    # -- selection, both ways --------------------------------------------------------------
    def show_selection(self, photo_ids: list[int]) -> None:
        """The grid's selection, shown on the map."""
        if not self._syncing:
            self.view.set_selection(photo_ids)

    def select_in_grid(self, photo_ids: list[int]) -> None:
        """Photos chosen on the map (or in its list) become the grid's selection."""
        model, grid = self.window.model, self.window.grid
        chosen = QItemSelection()
        for photo_id in photo_ids:
            row = model.row_of(photo_id)
            if row is not None:
                index = model.index(row)
                chosen.select(index, index)
        self._syncing = True
        try:
            grid.selectionModel().select(chosen,
                                         QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if not chosen.isEmpty():
                grid.scrollTo(chosen.indexes()[0])
        finally:
            self._syncing = False

    # -- placing by hand -------------------------------------------------------------------
    def place(self, photo_ids: list[int], lat: float, lon: float) -> None:
        """Photos dropped at (lat, lon): placed by hand; those with the camera's GPS keep it."""
        camera = {int(i) for i, s in zip(self.view.ids, self.view.sources, strict=True)
                  if s == "camera"}
        ids = [p for p in photo_ids if p not in camera]
        if len(ids) < len(photo_ids):
            kept = len(photo_ids) - len(ids)
            self.status.showMessage(
                self.tr("%Ln photos keep their camera's GPS position.", "", kept), 8000)
        if ids:
            self.undo_stack.push(PlaceCommand(self, ids, lat, lon))

    def place_text(self, n: int) -> str:
        """Edit > Undo's words for placing photos (the command is no QObject: no tr)."""
        return self.tr("place %Ln photos on the map", "", n)

    def _write_place(self, command: PlaceCommand) -> None:
        def work(c: Catalogue, actor: Actor) -> int:
            command.previous = geotag.place_by_hand(c, command.photo_ids, command.lat,
                                                    command.lon, actor)
            return len(command.previous)

        self.session.write(self, work, lambda n: self._changed(
            fill(self.tr("%Ln photos placed by hand at %1, %2.", "", n),
                 f"{command.lat:.5f}", f"{command.lon:.5f}")))

    def _write_undo(self, command: PlaceCommand | TrackCommand) -> None:
        # the database thread runs writes in order: the redo that filled `previous` ran first
        self.session.write(self, lambda c, actor: len(geotag.undo(c, command.previous or {},
                                                                  actor)),
                           lambda n: self._changed(
                               self.tr("Undone: %Ln photos back where they were.", "", n)))

    def _changed(self, sentence: str) -> None:
        self.changed.emit(sentence)
        self.refresh()

    # -- geotagging from a track: a preview on the map, then one logged, undoable step --------
    def ask_track(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Geotag from a GPS track"),
                                              "", self.tr("GPX tracks (*.gpx)"))
        if name:
            self.preview_track(Path(name))

    def preview_track(self, path: Path) -> None:
        def work(c: Catalogue) -> tuple[geotrack.Track, list[geotag.Proposal]]:
            track = geotag.load_track(path)
            return track, geotag.preview(c, track)

        self.session.read(self, work, self._previewed_track)

    def _previewed_track(self, result: tuple[geotrack.Track, list[geotag.Proposal]]) -> None:
        track, found = result
        placed = [p for p in found if p.fix is not None]
        self._previewed = (track, found)
        self.view.set_track([(p.lat, p.lon) for p in track.points],
                            [(p.fix.lat, p.fix.lon) for p in placed if p.fix is not None])
        self.panel.apply_button.setEnabled(bool(placed))
        self.status.showMessage(
            fill(self.tr("Track %1: %2 of %Ln photos without a position would be placed "
                         "(preview; Apply track records them).", "", len(found)),
                 track.name, QLocale().toString(len(placed))), 15000)
        self.refreshed.emit()

    def apply_track(self) -> None:
        if self._previewed is not None:
            track, found = self._previewed
            self._previewed = None
            self.panel.apply_button.setEnabled(False)
            self.view.set_track([], [])
            self.undo_stack.push(TrackCommand(self, track, found))

    def _write_track(self, command: TrackCommand) -> None:
        def work(c: Catalogue, actor: Actor) -> int:
            command.previous = geotag.apply(c, command.track, command.found, actor)
            return len(command.previous)

        self.session.write(self, work, lambda n: self._changed(
            fill(self.tr("%Ln photos placed from track %1.", "", n), command.track.name)))

    # -- tile packs ------------------------------------------------------------------------
    def ask_tile_pack(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open a tile pack"), "",
                                              self.tr("MBTiles tile packs (*.mbtiles)"))
        if name:
            self.open_tile_pack(Path(name))

    def open_tile_pack(self, path: Path) -> None:
        from catalog_app.db.tile_pack import TilePack
        from catalog_app.errors import AppError

        try:
            pack = TilePack(path)
        except AppError as exc:
            self.status.showMessage(str(exc), 10000)
            return
        self.view.set_tiles(pack)
        self.status.showMessage(fill(self.tr("Tile pack %1: zoom %2 to %3, read from %4."),
                                     pack.name, pack.min_zoom, pack.max_zoom, path), 8000)


class TrackCommand(QUndoCommand):
    """A track's positions applied, which Ctrl+Z takes back (both logged)."""

    def __init__(self, controller: MapController, track: geotrack.Track,
                 found: list[geotag.Proposal]) -> None:
        super().__init__(fill(QCoreApplication.translate("TrackCommand", "geotag from track %1"),
                              track.name))
        self.controller, self.track, self.found = controller, track, found
        self.previous: geotag.Undo | None = None

    def redo(self) -> None:
        self.controller._write_track(self)

    def undo(self) -> None:
        self.controller._write_undo(self)


class PlaceCommand(QUndoCommand):
    """Photos placed by hand on the map, which Ctrl+Z takes back (both logged)."""

    def __init__(self, controller: MapController, photo_ids: list[int], lat: float,
                 lon: float) -> None:
        super().__init__(controller.place_text(len(photo_ids)))
        self.controller, self.photo_ids, self.lat, self.lon = controller, photo_ids, lat, lon
        self.previous: geotag.Undo | None = None  # filled on the database thread

    def redo(self) -> None:
        self.controller._write_place(self)

    def undo(self) -> None:
        self.controller._write_undo(self)
