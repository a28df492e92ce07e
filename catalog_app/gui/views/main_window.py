"""The main window: sidebar, filter bar and grid, inspector; menus, toolbar and drop target."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPixmap, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QListView,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from catalog_app.core.imaging import render_preview
from catalog_app.core.models import ImportProgress, ImportSummary, Photo
from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.duplicates_controller import DuplicatesController
from catalog_app.gui.images import to_qimage
from catalog_app.gui.importing import ImportController
from catalog_app.gui.models.photo_grid import PhotoGridModel
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.tagging_controller import TaggingController
from catalog_app.gui.tasks import TaskRunner
from catalog_app.gui.thumbnails import ThumbnailLoader
from catalog_app.gui.views.duplicates_view import DuplicatesView
from catalog_app.gui.views.filter_bar import FilterBar
from catalog_app.gui.views.import_panel import ImportPanel, ImportSummaryDialog
from catalog_app.gui.views.inspector import Inspector
from catalog_app.gui.views.sidebar import Sidebar
from catalog_app.gui.views.viewer import Viewer

THUMB_SIZES = (96, 128, 160, 224, 320)
REFRESH_DURING_IMPORT_MS = 1500
FIRST_PAGE = 1000  # rows painted before the full list arrives


class MainWindow(QMainWindow):
    """Lays out the views and wires them to the session, importer and loaders it is given."""

    closing = Signal()
    decided = Signal()  # a duplicate decision was recorded
    caption_saved = Signal(int)  # photo id
    refreshed = Signal()  # the grid shows the latest query (tests wait on it)
    preview_shown = Signal(int)  # photo id

    def __init__(self, session: CatalogueSession, importer: ImportController,
                 previews: TaskRunner, thumbnails: ThumbnailLoader, menus: Callable,
                 parent=None) -> None:
        super().__init__(parent)
        self.session, self.importer, self.previews = session, importer, previews
        self.thumbnails = thumbnails
        self.setWindowTitle(f"catalog_app — {session.root}")
        self.setAcceptDrops(True)
        self.model = PhotoGridModel(thumbnails, self)
        self._build_views()
        self._build_actions()
        menus(self)  # the app adds the File/Settings/Help menus it owns
        self.tagging = TaggingController(self)
        self._photo: Photo | None = None
        self._refresh_again = False
        self._refreshing = False
        self._live = QTimer(self, interval=REFRESH_DURING_IMPORT_MS)
        self._live.timeout.connect(self.refresh)
        self._preview_timer = QTimer(self, singleShot=True, interval=150)
        self._preview_timer.timeout.connect(self._load_preview)
        session.failed.connect(lambda text: self.statusBar().showMessage(text, 15000))
        importer.progress.connect(self._import_progress)
        importer.finished.connect(self._import_finished)
        importer.failed.connect(self._import_failed)
        self.last_summary: ImportSummary | None = None
        self.refresh()

    # -- layout --------------------------------------------------------------------------
    def _build_views(self) -> None:
        self.sidebar = Sidebar()
        self.filters = FilterBar()
        self.grid = QListView()
        self.grid.setObjectName("grid")
        self.grid.setAccessibleName("Photos")
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setUniformItemSizes(True)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grid.setModel(self.model)
        self.grid.setDragEnabled(True)  # drop the selection on an incident in the sidebar
        self.grid.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.grid.doubleClicked.connect(lambda _: self.open_viewer())
        self.grid.selectionModel().selectionChanged.connect(self._selection_changed)
        self.set_thumbnail_size(self.thumbnails.size)
        self.failures = QTableWidget(0, 3)
        self.failures.setHorizontalHeaderLabels(["File", "Reason", "Last tried"])
        self.failures.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.failures.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.failures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.duplicates = DuplicatesView(self.thumbnails)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.failures)
        self.stack.addWidget(self.duplicates)
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filters)
        column.addWidget(self.stack, 1)
        self.import_panel = ImportPanel()
        column.addWidget(self.import_panel)
        self.inspector = Inspector()
        splitter = QSplitter()
        splitter.addWidget(self.sidebar)
        splitter.addWidget(centre)
        splitter.addWidget(self.inspector)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 760, 340])
        self.setCentralWidget(splitter)
        self.sidebar.collection_chosen.connect(lambda _: self.refresh())
        self.filters.changed.connect(self.refresh)
        self.import_panel.cancel_requested.connect(self.importer.cancel)
        self.inspector.preview_size_changed.connect(lambda _: self._preview_timer.start())
        self.undo_stack = QUndoStack(self)
        self.inspector.caption_edited.connect(
            lambda pid, old, new: self.undo_stack.push(CaptionChange(self, pid, old, new)))
        self.review = DuplicatesController(self.session, self.duplicates, self.sidebar,
                                           self.previews, self)
        self.review.decided.connect(self._decided)
        self.duplicates.options_changed.connect(self.refresh)
        self.thumbnails.ready.connect(self.duplicates.thumbnail_ready)
        self.viewer = Viewer(self)
        self.viewer.step.connect(self._viewer_step)
        self.viewer.want_full_size.connect(self._viewer_full_size)

    def _build_actions(self) -> None:
        self.import_action = self._action("&Import photos…", "Ctrl+I", self.choose_import,
                                          "Import photos from files or folders (or drop them "
                                          "on the window)")
        self.import_folder_action = self._action("Import &folder…", "Ctrl+Shift+I",
                                                 self.choose_import_folder,
                                                 "Import every photo under a folder")
        self.view_action = self._action("&View photo", "Space", self.open_viewer,
                                        "Show the selected photo full screen (Space)")
        self.find_action = self._action("&Find…", QKeySequence.StandardKey.Find,
                                        self.filters.search.setFocus, "Search file names")
        self.bigger = self._action("&Larger thumbnails", "Ctrl+=", lambda: self._resize(1),
                                   "Make thumbnails larger")
        self.smaller = self._action("&Smaller thumbnails", "Ctrl+-", lambda: self._resize(-1),
                                    "Make thumbnails smaller")
        self.select_all = self._action("Select &all", QKeySequence.StandardKey.SelectAll,
                                       self.grid.selectAll, "Select every photo shown")
        toolbar = QToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        for action in (self.import_action, self.import_folder_action, self.view_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)
        view = self.menuBar().addMenu("&View")
        for action in (self.view_action, self.find_action, self.bigger, self.smaller):
            view.addAction(action)
        edit = self.menuBar().addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (undo, redo):
            edit.addAction(action)
        edit.addSeparator()
        edit.addAction(self.select_all)

    def _action(self, text: str, shortcut, slot: Callable, tip: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{tip} ({QKeySequence(shortcut).toString()})")
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())  # never pass `checked` on
        self.addAction(action)
        return action

    # -- browsing ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-run the grid query and counts on the database thread (coalesced).

        When the grid is empty (at launch) a first page is queried and painted before the full
        list, so the first screen does not wait for 100,000 rows; counts come last.
        """
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        collection = self.sidebar.current_key()
        spec = self.filters.spec(collection)
        self.stack.setCurrentIndex({"failed": 1, "duplicates": 2}.get(collection, 0))
        self.filters.setVisible(collection not in {"failed", "duplicates"})
        if collection == "duplicates":
            self.review.load()
        if self.model.rowCount() == 0 and collection not in {"failed", "duplicates"}:
            self.session.read(lambda c: c.grid_rows(spec, FIRST_PAGE), self.model.set_rows,
                              self._read_failed)

        def rows(catalogue):
            failures = catalogue.open_failures() if collection == "failed" else []
            return catalogue.grid_rows(spec), failures

        self.session.read(rows, self._rows_read, self._read_failed)
        self.session.read(lambda c: (c.collection_counts(), c.cameras(), c.incidents(),
                                     [k for k, _ in c.keywords()]), self._counts_read,
                          self._read_failed)

    def _rows_read(self, result) -> None:
        rows, failures = result
        selected = self.selected_ids()
        self.model.set_rows(rows)
        # The rows live as long as the grid shows them: moving them out of the collector's way
        # keeps a full collection (60 ms over 100,000 rows) from landing mid-scroll.
        gc.freeze()
        self._reselect(selected)
        self._show_failures(failures)
        self._update_status()

    def _counts_read(self, result) -> None:
        counts, cameras, incidents, keywords = result
        self.sidebar.set_incidents([(i.id, i.name, i.photo_count) for i in incidents])
        self.tagging.set_incidents(incidents)
        self.inspector.describe.set_known_keywords(keywords)
        self.sidebar.set_counts(counts)
        self.filters.set_cameras(cameras)
        self._refreshing = False
        self.refreshed.emit()
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()

    def set_caption(self, photo_id: int, text: str) -> None:
        """Write a caption on the database thread, then show it if that photo is shown."""
        actor = self.session.actor

        def written(_changed: bool) -> None:
            self.caption_saved.emit(photo_id)
            if self._photo is not None and self._photo.id == photo_id:
                self.session.read(lambda c: c.photo(photo_id), self._show_photo)

        self.session.read(lambda c: c.set_caption(photo_id, text, actor), written)

    def _decided(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
        self.decided.emit()
        self.refresh()

    def _read_failed(self, error: BaseException) -> None:
        self._refreshing = False
        self.statusBar().showMessage(f"The catalogue could not be read: {error}")

    def _show_failures(self, failures: list[tuple[str, str, str]]) -> None:
        self.failures.setRowCount(len(failures))
        for n, values in enumerate(failures):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.failures.setItem(n, column, item)

    def selected_ids(self) -> list[int]:
        return [self.model.photo_id(i.row()) for i in self.grid.selectionModel().selectedIndexes()]

    def _reselect(self, ids: list[int]) -> None:
        selection = self.grid.selectionModel()
        for photo_id in ids:
            row = self.model.row_of(photo_id)
            if row is not None:
                selection.select(self.model.index(row),
                                 QItemSelectionModel.SelectionFlag.Select)

    def _selection_changed(self, *_: object) -> None:
        ids = self.selected_ids()
        self._update_status()
        if len(ids) != 1:
            self._photo = None
            self.inspector.show_photo(None, len(ids))
            return
        self.session.read(lambda c: c.photo(ids[0]), self._show_photo)

    def _show_photo(self, photo: Photo) -> None:
        if self.selected_ids() != [photo.id]:
            return  # the selection moved on while the database answered
        self._photo = photo
        self.inspector.show_photo(photo)
        self.tagging.show_where(photo)
        self._load_preview()
        self.session.read(lambda c: c.custody_log(photo.id), self._show_history)

    def reshow_photo(self) -> None:
        """Show the selected photo again after a change to it."""
        self._selection_changed()

    def _show_history(self, entries) -> None:
        if self._photo is not None and entries and entries[0].photo_id == self._photo.id:
            self.inspector.show_history(entries)

    def _load_preview(self) -> None:
        photo = self._photo
        if photo is None:
            return
        path = self.session.catalogue.layout.resolve(photo.stored_path)
        size = max(self.inspector.preview_target().width(), 200)
        self.previews.run(lambda: to_qimage(render_preview(path, size)),
                          lambda image: self._preview_loaded(photo.id, image),
                          lambda error: self.inspector.preview.setText(str(error)))

    def _preview_loaded(self, photo_id: int, image) -> None:
        if self._photo is not None and self._photo.id == photo_id:
            self.inspector.set_preview(QPixmap.fromImage(image))
            self.preview_shown.emit(photo_id)

    def _update_status(self) -> None:
        selected = len(self.grid.selectionModel().selectedIndexes())
        self.statusBar().showMessage(
            f"{self.model.rowCount():,} shown · {selected:,} selected · {self.session.root}")

    def set_thumbnail_size(self, size: int) -> None:
        self.thumbnails.set_size(size)
        self.grid.setIconSize(QSize(size, size * 3 // 4))
        self.grid.setGridSize(QSize(size + 16, size * 3 // 4 + 34))
        self.model.layoutChanged.emit()

    def _resize(self, step: int) -> None:
        sizes = THUMB_SIZES
        current = min(range(len(sizes)), key=lambda i: abs(sizes[i] - self.thumbnails.size))
        self.set_thumbnail_size(sizes[max(0, min(len(sizes) - 1, current + step))])

    # -- viewer --------------------------------------------------------------------------
    def open_viewer(self) -> None:
        index = self.grid.currentIndex()
        if not index.isValid():
            return
        self.viewer.showFullScreen()
        self._viewer_load(index.row(), full=False)

    def _viewer_step(self, delta: int) -> None:
        row = self.grid.currentIndex().row() + delta
        if 0 <= row < self.model.rowCount():
            self.grid.setCurrentIndex(self.model.index(row))
            self._viewer_load(row, full=self.viewer.actual_size)

    def _viewer_full_size(self) -> None:
        self._viewer_load(self.grid.currentIndex().row(), full=True)

    def _viewer_load(self, row: int, full: bool) -> None:
        photo_id = self.model.photo_id(row)
        size = 100_000 if full else max(self.viewer.width(), self.viewer.height(), 800)

        def decode(photo: Photo) -> None:
            path = self.session.catalogue.layout.resolve(photo.stored_path)
            self.previews.run(lambda: (photo, to_qimage(render_preview(path, size))), shown,
                              lambda error: self.viewer.caption.setText(str(error)))

        def shown(result) -> None:
            photo, image = result
            taken = photo.capture.taken_at.isoformat(sep=" ") if photo.capture.taken_at else ""
            name = Path(photo.sources[0].path).name if photo.sources else ""
            self.viewer.show_pixmap(QPixmap.fromImage(image), f"{name}   {taken}")

        self.session.read(lambda c: c.photo(photo_id), decode)

    # -- importing -----------------------------------------------------------------------
    def choose_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Import photos")
        if files:
            self.start_import(files)

    def choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import every photo under a folder")
        if folder:
            self.start_import([folder])

    def start_import(self, paths: list[str],
                     after: Callable[[Catalogue], object] | None = None) -> bool:
        if not self.importer.start(paths, after):
            self.statusBar().showMessage("An import is already running; wait for it to end.")
            return False
        self.import_panel.begin()
        self.import_action.setEnabled(False)
        self.import_folder_action.setEnabled(False)
        self._live.start()
        return True

    def _import_progress(self, event: ImportProgress) -> None:
        self.import_panel.update_progress(event)

    def _import_finished(self, summary: ImportSummary) -> None:
        self._import_ended()
        self.last_summary = summary
        ImportSummaryDialog(summary, self).open()

    def _import_failed(self, message: str) -> None:
        self._import_ended()
        self.statusBar().showMessage(f"The import stopped: {message}")

    def _import_ended(self) -> None:
        self._live.stop()
        self.import_panel.hide()
        self.import_action.setEnabled(True)
        self.import_folder_action.setEnabled(True)
        self.refresh()

    def closeEvent(self, event) -> None:
        if self.importer.running:
            self.import_panel.status.setText("Finishing the files being read before closing…")
            self.importer.cancel()
            self.importer.wait()
        self.closing.emit()
        super().closeEvent(event)

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)


class CaptionChange(QUndoCommand):
    """A caption edit that Ctrl+Z can take back (both directions are logged)."""

    def __init__(self, window: MainWindow, photo_id: int, old: str, new: str) -> None:
        super().__init__(f"caption of photo {photo_id}")
        self.window, self.photo_id, self.old, self.new = window, photo_id, old, new

    def redo(self) -> None:
        self.window.set_caption(self.photo_id, self.new)

    def undo(self) -> None:
        self.window.set_caption(self.photo_id, self.old)
