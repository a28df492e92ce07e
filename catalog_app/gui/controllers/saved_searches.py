"""Saved searches: save what the grid shows under a name, recall it from the sidebar, forget it.
Kept per catalogue in the window's settings (gui/saved_searches.py); nothing is logged, since
a search changes no evidence."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog

from catalog_app.core.models import Collection, PhotoFilter
from catalog_app.gui import saved_searches
from catalog_app.gui.controllers import fill
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.settings_store import AppSettings
from catalog_app.gui.views.main_window import MainWindow

AskName = Callable[[str], str | None]  # the suggested name -> the name chosen (None: cancel)


class SavedSearchesController(QObject):
    """The sidebar's saved searches, in step with the settings."""

    changed = Signal(str)  # a sentence for the status bar

    def __init__(self, session: CatalogueSession, window: MainWindow, settings: AppSettings,
                 ask_name: AskName | None = None) -> None:
        super().__init__(window)
        self.session, self.window, self.settings = session, window, settings
        self.ask_name = ask_name or self._ask
        window.sidebar.saved_chosen.connect(self.recall)
        window.sidebar.forget_requested.connect(self.forget)
        window.save_search_action.triggered.connect(lambda _c=False: self.save_current())
        window.sidebar.set_saved(list(self.searches()))

    def searches(self) -> dict[str, PhotoFilter]:
        return saved_searches.from_text(self.settings.saved_searches(self.session.root))

    def _store(self, found: dict[str, PhotoFilter]) -> None:
        self.settings.set_saved_searches(self.session.root, saved_searches.to_text(found))
        self.window.sidebar.set_saved(list(found))

    def save_current(self) -> str | None:
        """Ask for a name and save the collection and filters shown under it."""
        sidebar = self.window.sidebar
        spec = self.window.filters.spec(sidebar.current_key())
        name = self.ask_name(spec.text.strip() or self.tr("My search"))
        if not name or not name.strip():
            return None
        name = name.strip()
        found = self.searches()
        found[name] = spec
        self._store(found)
        self.changed.emit(fill(self.tr("Search saved as %1."), name))
        return name

    def recall(self, name: str) -> None:
        spec = self.searches().get(name)
        if spec is None:
            return
        self.window.filters.show_spec(spec)
        if not self.window.sidebar.select(spec.collection):
            self.window.sidebar.select(str(Collection.ALL))  # its incident or keyword is gone

    def forget(self, name: str) -> None:
        found = self.searches()
        if found.pop(name, None) is not None:
            self._store(found)
            self.changed.emit(fill(self.tr("Saved search %1 forgotten."), name))

    def _ask(self, suggested: str) -> str | None:
        name, ok = QInputDialog.getText(self.window, self.tr("Save search"),
                                        self.tr("Name of this search (collection and filters):"),
                                        text=suggested)
        return name if ok else None
