"""Browsing: the grid query for the chosen collection and filters, the counts, the selection."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStatusBar

from catalog_app.core.models import Collection, GridRow, Incident
from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.controllers import fill
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.views.main_window import MainWindow

REFRESH_DURING_IMPORT_MS = 1500
FIRST_PAGE = 1000  # rows painted before the full list arrives
_NOT_PHOTOS = {Collection.FAILED, Collection.DUPLICATES}


class BrowseController(QObject):
    """Keeps the grid, sidebar counts and filter choices in step with the catalogue."""

    refreshed = Signal()  # the grid shows the latest query (tests wait on it)
    selection_changed = Signal(list)  # photo ids
    incidents_read = Signal(list)  # list[Incident], after each refresh
    keywords_read = Signal(list)  # every keyword in use
    duplicates_shown = Signal()  # the duplicates review was chosen: load its groups

    def __init__(self, session: CatalogueSession, window: MainWindow,
                 status: QStatusBar) -> None:
        super().__init__(window)
        self.session, self.window, self.status = session, window, status
        self.refreshing = False
        self._again = False
        self._live = QTimer(self, interval=REFRESH_DURING_IMPORT_MS)
        self._live.timeout.connect(self.refresh)
        window.sidebar.collection_chosen.connect(lambda _key: self.refresh())
        window.filters.changed.connect(self.refresh)
        window.grid.selectionModel().selectionChanged.connect(self._selection_changed)
        window.bigger.triggered.connect(lambda _c=False: window.step_thumbnail_size(1))
        window.smaller.triggered.connect(lambda _c=False: window.step_thumbnail_size(-1))
        window.duplicates.options_changed.connect(self.refresh)

    def live(self, on: bool) -> None:
        """Refresh every 1.5 s (while an import adds photos), or stop doing so."""
        if on:
            self._live.start()
        else:
            self._live.stop()

    def refresh(self) -> None:
        """Re-run the grid query and counts on the database thread (coalesced).

        When the grid is empty (at launch) a first page is queried and painted before the full
        list, so the first screen does not wait for 100,000 rows; counts come last.
        """
        if self.refreshing:
            self._again = True
            return
        self.refreshing = True
        window = self.window
        collection = window.sidebar.current_key()
        spec = window.filters.spec(collection)
        window.show_collection_page(collection)
        photos = collection not in _NOT_PHOTOS
        if not photos:  # the grid is hidden: the inspector must not show its selection
            window.grid.clearSelection()
            self.selection_changed.emit([])
        if collection == Collection.DUPLICATES:
            self.duplicates_shown.emit()
        if window.model.rowCount() == 0 and photos:
            self.session.read(self, lambda c: c.grid_rows(spec, FIRST_PAGE),
                              window.model.set_rows, self._read_failed)

        def rows(catalogue: Catalogue) -> tuple[list[GridRow], list[tuple[str, str, str]]]:
            failures = catalogue.open_failures() if collection == Collection.FAILED else []
            return catalogue.grid_rows(spec), failures

        self.session.read(self, rows, self._rows_read, self._read_failed)
        self.session.read(self, lambda c: (c.collection_counts(), c.cameras(), c.incidents(),
                                           [k for k, _ in c.keywords()], c.date_range()),
                          self._counts_read, self._read_failed)

    def _rows_read(self, result: tuple[list[GridRow], list[tuple[str, str, str]]]) -> None:
        rows, failures = result
        selected = self.window.selected_ids()
        self.window.model.set_rows(rows)
        self.window.reselect(selected)
        if set(self.selected_ids()) != set(selected):  # some are hidden now: never inspect
            self.selection_changed.emit(self.selected_ids())  # or edit what is not shown
        self.window.show_failures(failures)
        self.show_status()

    def _counts_read(self, result: tuple[dict[str, int], list[tuple[str, str, int]],
                                         list[Incident],
                                         list[str], tuple[str | None, str | None]]) -> None:
        counts, cameras, incidents, keywords, dates = result
        self.window.filters.set_date_range(*dates)
        self.window.sidebar.set_incidents([(i.id, i.name, i.photo_count) for i in incidents])
        self.window.sidebar.set_counts(counts)
        self.window.filters.set_cameras(cameras)
        self.incidents_read.emit(incidents)
        self.keywords_read.emit(keywords)
        self.refreshing = False
        self.refreshed.emit()
        if self._again:
            self._again = False
            self.refresh()

    def _read_failed(self, error: BaseException) -> None:
        self.refreshing = False
        self.status.showMessage(fill(self.tr("The catalogue could not be read: %1"), error))

    def selected_ids(self) -> list[int]:
        return self.window.selected_ids()

    def _selection_changed(self, *_: object) -> None:
        self.show_status()
        self.selection_changed.emit(self.selected_ids())

    def show_status(self) -> None:
        """What the page shows, counted: photos, failed imports or open duplicate groups."""
        collection = self.window.sidebar.current_key()
        if collection == Collection.FAILED:
            shown = self.tr("%Ln failed imports", "", self.window.failures.rowCount())
        elif collection == Collection.DUPLICATES:
            shown = self.tr("%Ln open duplicate groups", "", self.window.duplicates.open_count())
        else:
            selected = len(self.window.grid.selectionModel().selectedIndexes())
            shown = (self.tr("%Ln shown", "", self.window.model.photo_count()) + " · "
                     + self.tr("%Ln selected", "", selected))
        self.status.showMessage(f"{shown} · {self.session.root}")
