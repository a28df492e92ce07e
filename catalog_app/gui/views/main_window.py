"""The main window: sidebar, filter bar and grid, inspector; menus, toolbar and drop target.

Layout only. Every action is a public QAction made here, in one place; the controllers connect
to them. The window runs no query, decodes nothing and holds no rule.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
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
from catalog_app.gui.translation import NAMES
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
# why a catalogue is read-only, as the controllers say it (English, or already translated)
_MEDIA_REASONS = {"on read-only media (or write-protected)"}
_OPEN_REASONS = {"open read-only"}
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
        self.setWindowTitle(f"catalog_app — {root}")  # the app name and a path: not translated
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
        self.grid.setAccessibleName(self.tr("Photos"))
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
        self.failures.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Reason"), self.tr("Last tried")])
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
        self.map_dock = QDockWidget(self.tr("Map"), self)
        self.map_dock.setObjectName("mapDock")
        self.map_dock.setWidget(self.map_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.map_dock)
        self.map_dock.hide()

    def _build_actions(self) -> None:
        act = self._action
        # File
        self.new_catalogue_action = act(self.tr("&New catalogue…"), None,
                self.tr("Create a catalogue in an empty folder"))
        self.open_catalogue_action = act(self.tr("&Open catalogue…"), "Ctrl+O",
                self.tr("Open a catalogue folder"))
        self.open_read_only_action = act(self.tr("Open catalogue &read-only…"), None,
                self.tr("Open a catalogue to browse and verify it, changing nothing (chosen by "
                        "itself on read-only media)"))
        self.import_action = act(self.tr("&Import photos…"), "Ctrl+I",
                self.tr("Import photos from files or folders (or drop them on the window)"))
        self.import_folder_action = act(self.tr("Import &folder…"), "Ctrl+Shift+I",
                self.tr("Import every photo under a folder"))
        self.verify_action = act(self.tr("&Verify catalogue…"), None,
                self.tr("Re-hash every original and check the record"))
        self.find_faces_action = act(self.tr("Find &faces to review…"), None,
                self.tr("Look for faces offline (worker processes); galleries withhold them until"
                        " reviewed"))
        self.export_gallery_action = act(self.tr("&Export gallery…"), "Ctrl+E",
                self.tr("Publish a gallery"))
        self.export_package_action = act(self.tr("Export evidence &package…"), "Ctrl+Shift+E",
                self.tr("An evidence package for investigators"))
        self.export_geojson_action = act(self.tr("Export positions as &GeoJSON…"), None,
                self.tr("Write the photos' positions as GeoJSON"))
        self.export_kml_action = act(self.tr("Export positions as &KML…"), None,
                self.tr("Write the photos' positions as KML"))
        self.export_csv_action = act(self.tr("Export the catalogue as a CSV &table…"), None,
                self.tr("Write one row per photo"))
        # File > signing (gui/controllers/signing.py drives them)
        self.sign_action = act(self.tr("&Sign changes with a key…"), None,
                self.tr("Unlock your key once: every change then ends with a signed checkpoint"))
        self.stop_signing_action = act(self.tr("S&top signing"), None,
                self.tr("Changes are no longer signed"))
        self.checkpoint_action = act(self.tr("&Checkpoint now"), None,
                self.tr("Sign the custody log's head now"))
        self.timestamp_action = act(self.tr("&Time-stamp the record…"), None,
                self.tr("Have a time-stamping authority sign the time of the custody log's head"))
        self.quit_action = act(self.tr("&Quit"), "Ctrl+Q",
                self.tr("Close the window"))
        self.quit_action.triggered.connect(self.close)
        # View
        self.view_action = act(self.tr("&View photo"), "Space",
                self.tr("Show the selected photo full screen"))
        self.find_action = act(self.tr("&Find…"), QKeySequence.StandardKey.Find,
                self.tr("Search captions, keywords, incidents, places, cameras, file names"))
        self.find_action.triggered.connect(lambda _c=False: self.filters.search.setFocus())
        self.save_search_action = act(self.tr("&Save search…"), "Ctrl+Shift+F",
                self.tr("Save the collection and filters shown under a name"))
        self.log_action = act(self.tr("Custody &log…"), "Ctrl+L",
                self.tr("Every logged change, filtered by action, operator, photo or date"))
        self.bigger = act(self.tr("&Larger thumbnails"), "Ctrl+=",
                self.tr("Make thumbnails larger"))
        self.smaller = act(self.tr("&Smaller thumbnails"), "Ctrl+-",
                self.tr("Make thumbnails smaller"))
        # Edit
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.select_all = act(self.tr("Select &all"), QKeySequence.StandardKey.SelectAll,
                self.tr("Select every photo shown"))
        self.select_all.triggered.connect(lambda _c=False: self.grid.selectAll())
        # Tag
        self.new_incident_action = act(self.tr("&New incident…"), "Ctrl+Shift+N",
                self.tr("Add an incident"))
        self.edit_incident_action = act(self.tr("&Edit incident…"), None,
                self.tr("Edit the incident chosen in the sidebar"))
        self.merge_incident_action = act(self.tr("&Merge incident into…"), None,
                self.tr("Move its photos into another incident"))
        self.archive_incident_action = act(self.tr("&Archive incident"), None,
                self.tr("Hide the incident; its photos stay tagged"))
        self.delete_incident_action = act(self.tr("&Delete incident…"), None,
                self.tr("Delete the incident; its photos are untagged"))
        self.tag_action = act(self.tr("&Tag selection to incident…"), "Ctrl+T",
                self.tr("Tag the selected photos to an incident"))
        self.untag_action = act(self.tr("&Untag selection"), "Ctrl+Shift+T",
                self.tr("Take the selected photos out of their incident"))
        self.template_action = act(self.tr("&Caption selection from a template…"), None,
                self.tr("Caption the selected photos from a template"))
        self.suggest_action = act(self.tr("&Suggest incidents for untagged photos…"), None,
                self.tr("Incidents whose area and dates fit untagged photos"))
        # Settings, Help
        self.operator_action = act(self.tr("&Operator name…"), None,
                self.tr("The name recorded with your work"))
        self.about_action = act(self.tr("&About catalog_app"), None,
                self.tr("Versions of catalog_app and its libraries"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_catalogue_action)
        file_menu.addAction(self.open_catalogue_action)
        file_menu.addAction(self.open_read_only_action)
        self.recent_menu: QMenu = file_menu.addMenu(self.tr("Open &recent"))
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
        edit = bar.addMenu(self.tr("&Edit"))
        for action in (self.undo_action, self.redo_action):
            edit.addAction(action)
        edit.addSeparator()
        edit.addAction(self.select_all)
        view = bar.addMenu(self.tr("&View"))
        for action in (self.view_action, self.find_action, self.save_search_action,
                       self.bigger, self.smaller, self.log_action):
            view.addAction(action)
        self.map_action = self.map_dock.toggleViewAction()
        self.map_action.setText(self.tr("&Map"))
        self.map_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        view.addAction(self.map_action)
        tag = bar.addMenu(self.tr("&Tag"))
        for group in ((self.new_incident_action, self.edit_incident_action,
                       self.merge_incident_action, self.archive_incident_action,
                       self.delete_incident_action),
                      (self.tag_action, self.untag_action, self.template_action),
                      (self.suggest_action,)):
            for action in group:
                tag.addAction(action)
            tag.addSeparator()
        settings = bar.addMenu(self.tr("&Settings"))
        settings.addAction(self.operator_action)
        self._build_language_menu(settings)
        bar.addMenu(self.tr("&Help")).addAction(self.about_action)
        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        for action in (self.import_action, self.import_folder_action, self.view_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _build_language_menu(self, settings: QMenu) -> None:
        """Settings > Language: "System language" then each language by its own name. What a
        choice does is wired by the app (gui/app.py): it saves it and rebuilds the window."""
        self.language_menu: QMenu = settings.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: list[QAction] = []
        system = QAction(self.tr("System language"), self)
        system.setData("")
        system.setToolTip(self.tr("Follow the language of the system"))
        for action in (system, *(QAction(name, self) for name in NAMES.values())):
            self.language_actions.append(action)
        for action, code in zip(self.language_actions[1:], NAMES, strict=True):
            action.setData(code)  # the name stays in its own language: never translated
            action.setToolTip(name_tip := action.text())
            action.setStatusTip(name_tip)
        for action in self.language_actions:
            action.setCheckable(True)
            group.addAction(action)
            self.language_menu.addAction(action)
        self.language_menu.insertSeparator(self.language_actions[1])
        self.check_language("")

    def check_language(self, code: str) -> None:
        """Check the action of `code` ("" the system language; an unknown code: the system)."""
        for action in self.language_actions:
            action.setChecked(action.data() == (code if code in NAMES else ""))

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
        if why in _MEDIA_REASONS:  # the reasons the app gives, each a whole sentence
            why = self.tr("on read-only media (or write-protected)")
        elif why in _OPEN_REASONS:
            why = self.tr("open read-only")
        note = self.tr("Read-only: this catalogue is %1. You can browse and verify it; nothing "
                       "can be changed, and nothing you do is logged.").replace("%1", why)
        tip = self.tr("Not available: this catalogue is %1, so nothing can be changed."
                      ).replace("%1", why)
        self.setWindowTitle(self.tr("%1 (read-only)").replace("%1", self.windowTitle()))
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
