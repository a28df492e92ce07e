"""The main window: sidebar, filter bar and grid, inspector; menus, toolbar and drop target.

Layout only. Every action is a public QAction made here, in one place; the controllers connect
to them. The window runs no query, decodes nothing and holds no rule.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from catalog_app.core.models import Collection
from catalog_app.gui.models.grid_order import SortBy
from catalog_app.gui.models.photo_grid import PhotoGridModel
from catalog_app.gui.thumbnails import ThumbnailLoader
from catalog_app.gui.views.duplicates_view import DuplicatesView
from catalog_app.gui.views.filter_bar import FilterBar
from catalog_app.gui.views.grid_view import PhotoGridView
from catalog_app.gui.views.import_panel import ImportPanel
from catalog_app.gui.views.inspector import Inspector
from catalog_app.gui.views.map_panel import MapPanel
from catalog_app.gui.views.order_bar import OrderBar
from catalog_app.gui.views.photo_delegate import PhotoDelegate
from catalog_app.gui.views.sidebar import Sidebar
from catalog_app.gui.views.viewer import Viewer

THUMB_SIZES = (96, 128, 160, 224, 320)
_PAGES = {Collection.FAILED: 1, Collection.DUPLICATES: 2}  # the grid is page 0


class MainWindow(QMainWindow):
    """Lays out the views; `close_guard` (set by whoever runs work for it) may defer closing."""

    closing = Signal()  # the window is about to close for good
    files_dropped = Signal(list)  # local paths dropped on the window

    def __init__(self, root: Path, thumbnails: ThumbnailLoader, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails
        self.undo_stack = undo_stack
        self.close_guard: Callable[[], bool] | None = None
        self.read_only = ""  # why the catalogue is open read-only ("" when it is not)
        self.setWindowTitle(f"catalog_app — {root}")
        self.setAcceptDrops(True)
        self.model = PhotoGridModel(thumbnails, self)
        self._build_views()
        self._build_actions()
        self._build_menus()

    # -- layout --------------------------------------------------------------------------
    def _build_views(self) -> None:
        self.sidebar = Sidebar()
        self.filters = FilterBar()
        self.grid = PhotoGridView()  # says "Drop photos or folders here…" while empty
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
        self.grid.setItemDelegate(PhotoDelegate(self.grid))  # badges, day headers
        self.order = OrderBar()
        self.order.changed.connect(lambda sort, by_day: self.model.set_order(SortBy(sort), by_day))
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
        column.addWidget(self.order)  # its own row: the filters keep their width
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
        self.thumbnails.ready.connect(self.duplicates.thumbnail_ready)
        self.viewer = Viewer(self)
        self.map_panel = MapPanel()  # the map dock (gui/controllers/map.py), shown from View
        self.map_dock = QDockWidget("Map", self)
        self.map_dock.setObjectName("mapDock")
        self.map_dock.setWidget(self.map_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.map_dock)
        self.map_dock.hide()

    def _build_actions(self) -> None:
        act = self._action
        # File
        self.new_catalogue_action = act("&New catalogue…", None, "Create a catalogue in an "
                                        "empty folder")
        self.open_catalogue_action = act("&Open catalogue…", "Ctrl+O", "Open a catalogue folder")
        self.open_read_only_action = act("Open catalogue &read-only…", None,
                                         "Open a catalogue to browse and verify it, changing "
                                         "nothing (chosen by itself on read-only media)")
        self.import_action = act("&Import photos…", "Ctrl+I", "Import photos from files or "
                                 "folders (or drop them on the window)")
        self.import_folder_action = act("Import &folder…", "Ctrl+Shift+I",
                                        "Import every photo under a folder")
        self.verify_action = act("&Verify catalogue…", None, "Re-hash every original and check "
                                 "the record")
        self.find_faces_action = act("Find &faces to review…", None, "Look for faces offline "
                                     "(worker processes); galleries withhold them until reviewed")
        self.export_gallery_action = act("&Export gallery…", "Ctrl+E", "Publish a gallery")
        self.export_package_action = act("Export evidence &package…", "Ctrl+Shift+E",
                                         "An evidence package for investigators")
        self.export_geojson_action = act("Export positions as &GeoJSON…", None,
                                         "Write the photos' positions as GeoJSON")
        self.export_kml_action = act("Export positions as &KML…", None,
                                     "Write the photos' positions as KML")
        self.export_csv_action = act("Export the catalogue as a CSV &table…", None,
                                     "Write one row per photo")
        # File > signing (gui/controllers/signing.py drives them)
        self.sign_action = act("&Sign changes with a key…", None, "Unlock your key once: "
                               "every change then ends with a signed checkpoint")
        self.stop_signing_action = act("S&top signing", None, "Changes are no longer signed")
        self.checkpoint_action = act("&Checkpoint now", None, "Sign the custody log's head now")
        self.timestamp_action = act("&Time-stamp the record…", None, "Have a time-stamping "
                                    "authority sign the time of the custody log's head")
        self.quit_action = act("&Quit", "Ctrl+Q", "Close the window")
        self.quit_action.triggered.connect(self.close)
        # View
        self.view_action = act("&View photo", "Space", "Show the selected photo full screen")
        self.find_action = act("&Find…", QKeySequence.StandardKey.Find,
                               "Search captions, keywords, incidents, places, cameras, file names")
        self.find_action.triggered.connect(lambda _c=False: self.filters.search.setFocus())
        self.save_search_action = act("&Save search…", "Ctrl+Shift+F",
                                      "Save the collection and filters shown under a name")
        self.log_action = act("Custody &log…", "Ctrl+L",
                              "Every logged change, filtered by action, operator, photo or date")
        self.bigger = act("&Larger thumbnails", "Ctrl+=", "Make thumbnails larger")
        self.smaller = act("&Smaller thumbnails", "Ctrl+-", "Make thumbnails smaller")
        # Edit
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.select_all = act("Select &all", QKeySequence.StandardKey.SelectAll,
                              "Select every photo shown")
        self.select_all.triggered.connect(lambda _c=False: self.grid.selectAll())
        # Tag
        self.new_incident_action = act("&New incident…", "Ctrl+Shift+N", "Add an incident")
        self.edit_incident_action = act("&Edit incident…", None,
                                        "Edit the incident chosen in the sidebar")
        self.merge_incident_action = act("&Merge incident into…", None,
                                         "Move its photos into another incident")
        self.archive_incident_action = act("&Archive incident", None,
                                           "Hide the incident; its photos stay tagged")
        self.delete_incident_action = act("&Delete incident…", None,
                                          "Delete the incident; its photos are untagged")
        self.tag_action = act("&Tag selection to incident…", "Ctrl+T",
                              "Tag the selected photos to an incident")
        self.untag_action = act("&Untag selection", "Ctrl+Shift+T",
                                "Take the selected photos out of their incident")
        self.template_action = act("&Caption selection from a template…", None,
                                   "Caption the selected photos from a template")
        self.suggest_action = act("&Suggest incidents for untagged photos…", None,
                                  "Incidents whose area and dates fit untagged photos")
        # Settings, Help
        self.operator_action = act("&Operator name…", None, "The name recorded with your work")
        self.about_action = act("&About catalog_app", None, "Versions of catalog_app and its "
                                "libraries")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.new_catalogue_action)
        file_menu.addAction(self.open_catalogue_action)
        file_menu.addAction(self.open_read_only_action)
        self.recent_menu: QMenu = file_menu.addMenu("Open &recent")
        file_menu.addSeparator()
        for action in (self.import_action, self.import_folder_action, self.verify_action,
                       self.find_faces_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.export_gallery_action, self.export_package_action,
                       self.export_geojson_action, self.export_kml_action,
                       self.export_csv_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.sign_action, self.stop_signing_action, self.checkpoint_action,
                       self.timestamp_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit = bar.addMenu("&Edit")
        for action in (self.undo_action, self.redo_action):
            edit.addAction(action)
        edit.addSeparator()
        edit.addAction(self.select_all)
        view = bar.addMenu("&View")
        for action in (self.view_action, self.find_action, self.save_search_action,
                       self.bigger, self.smaller, self.log_action):
            view.addAction(action)
        self.map_action = self.map_dock.toggleViewAction()
        self.map_action.setText("&Map")
        self.map_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        view.addAction(self.map_action)
        tag = bar.addMenu("&Tag")
        for group in ((self.new_incident_action, self.edit_incident_action,
                       self.merge_incident_action, self.archive_incident_action,
                       self.delete_incident_action),
                      (self.tag_action, self.untag_action, self.template_action),
                      (self.suggest_action,)):
            for action in group:
                tag.addAction(action)
            tag.addSeparator()
        bar.addMenu("&Settings").addAction(self.operator_action)
        bar.addMenu("&Help").addAction(self.about_action)
        toolbar = QToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        for action in (self.import_action, self.import_folder_action, self.view_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _action(self, text: str, shortcut, tip: str) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            tip = f"{tip} ({QKeySequence(shortcut).toString()})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        self.addAction(action)
        return action

    # -- what the controllers show -------------------------------------------------------
    def show_collection_page(self, collection: str) -> None:
        """The grid, the failed imports table, or the duplicates review."""
        page = _PAGES.get(Collection(collection), 0) if collection in set(Collection) else 0
        self.stack.setCurrentIndex(page)
        self.filters.setVisible(page == 0)
        self.order.setVisible(page == 0)

    def show_failures(self, failures: list[tuple[str, str, str]]) -> None:
        self.failures.setRowCount(len(failures))
        for n, values in enumerate(failures):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.failures.setItem(n, column, item)

    def selected_ids(self) -> list[int]:
        return [self.model.photo_id(i.row()) for i in self.grid.selectionModel().selectedIndexes()]

    def reselect(self, ids: list[int]) -> None:
        selection = self.grid.selectionModel()
        for photo_id in ids:
            row = self.model.row_of(photo_id)
            if row is not None:
                selection.select(self.model.index(row),
                                 QItemSelectionModel.SelectionFlag.Select)

    def set_thumbnail_size(self, size: int) -> None:
        self.thumbnails.set_size(size)
        self.grid.setIconSize(QSize(size, size * 3 // 4))
        lines = 2 * self.grid.fontMetrics().lineSpacing()  # a label's date over its time
        self.grid.setGridSize(QSize(size + 16, size * 3 // 4 + max(34, lines + 14)))
        self.model.layoutChanged.emit()

    def step_thumbnail_size(self, step: int) -> None:
        sizes = THUMB_SIZES
        current = min(range(len(sizes)), key=lambda i: abs(sizes[i] - self.thumbnails.size))
        self.set_thumbnail_size(sizes[max(0, min(len(sizes) - 1, current + step))])

    def set_importing(self, running: bool) -> None:
        self.import_action.setEnabled(not running and not self.read_only)
        self.import_folder_action.setEnabled(not running and not self.read_only)

    # -- read-only -----------------------------------------------------------------------
    def editing_actions(self) -> list[QAction]:
        """Every action that changes the catalogue or records something in its log."""
        return [self.import_action, self.import_folder_action, self.export_gallery_action,
                self.export_package_action, self.export_geojson_action, self.export_kml_action,
                self.export_csv_action, self.new_incident_action, self.edit_incident_action,
                self.merge_incident_action, self.archive_incident_action,
                self.delete_incident_action, self.tag_action, self.untag_action,
                self.template_action, self.suggest_action]

    def set_read_only(self, why: str) -> None:
        """Browse and verify only: every editing control disabled, each saying why, and a
        line in the status bar that stays. `why` completes "This catalogue is …"."""
        self.read_only = why
        note = (f"Read-only: this catalogue is {why}. You can browse and verify it; nothing "
                "can be changed, and nothing you do is logged.")
        tip = f"Not available: this catalogue is {why}, so nothing can be changed."
        self.setWindowTitle(f"{self.windowTitle()} (read-only)")
        for action in self.editing_actions():
            action.setEnabled(False)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        describe = self.inspector.describe
        for widget in (describe.incident, describe.keywords, *describe.flags.values(),
                       self.inspector.save_caption, self.duplicates.accept,
                       self.duplicates.not_duplicates, self.duplicates.merge):
            widget.setEnabled(False)  # stays off: enabling a parent does not enable it
            widget.setToolTip(tip)
        self.inspector.caption.setReadOnly(True)
        self.inspector.caption.setToolTip(tip)
        self.inspector.save_caption.setVisible(False)  # the inspector re-enables it per photo
        self.duplicates.read_only = True
        self.setAcceptDrops(False)  # no import by dropping files
        self.grid.setDragEnabled(False)  # no tagging by dropping photos on an incident
        self.sidebar.setAcceptDrops(False)
        self.sidebar.viewport().setAcceptDrops(False)
        self.read_only_note = QLabel(note)
        self.read_only_note.setObjectName("readOnlyNote")
        self.read_only_note.setToolTip(note)
        self.statusBar().addPermanentWidget(self.read_only_note)

    # -- events --------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_guard is not None and not self.close_guard():
            event.ignore()  # work is finishing; the guard closes the window when it ends
            return
        self.closing.emit()
        super().closeEvent(event)

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
