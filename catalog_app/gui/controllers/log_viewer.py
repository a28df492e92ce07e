"""The custody log viewer: its choices and entries read on the database thread, described
with core/history.py (old -> new values), shown in gui/views/log_viewer.py."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from catalog_app.core.history import HistoryLine, describe_all
from catalog_app.core.log_filter import LogFilter
from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.views.log_viewer import LogViewer


class LogViewerController(QObject):
    """Opens the viewer (one per window) and re-reads the log when its filters change."""

    shown = Signal()  # the table holds the latest read (tests wait on it)

    def __init__(self, session: CatalogueSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.parent_widget = session, parent
        self.viewer: LogViewer | None = None

    def open(self) -> LogViewer:
        if self.viewer is None:
            self.viewer = LogViewer(self.parent_widget)
            self.viewer.filters_changed.connect(self.refresh)
        self.viewer.show()
        self.viewer.raise_()
        self.session.read(self, lambda c: c.log_facets(),
                          lambda found: self._choices(*found))
        self.refresh()
        return self.viewer

    def _choices(self, actions: list[str], operators: list[str]) -> None:
        if self.viewer is not None:
            self.viewer.set_choices(actions, operators)

    def refresh(self) -> None:
        if self.viewer is None:
            return
        spec = self.viewer.spec()

        def read(c: Catalogue) -> tuple[list[HistoryLine], int]:
            entries, total = c.log_entries(spec)
            names = {i.id: i.name for i in c.incidents(include_archived=True)}
            return describe_all(entries, names), total

        self.session.read(self, read, self._show)

    def _show(self, result: tuple[list[HistoryLine], int]) -> None:
        if self.viewer is not None:
            self.viewer.show_lines(*result)
            self.shown.emit()

    def spec(self) -> LogFilter | None:
        return self.viewer.spec() if self.viewer is not None else None
