"""The sidebar's review queues: keywords, cameras and archived incidents with their counts,
read after each refresh of the grid; restoring an archived incident."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar

from catalog_app.core.queues import ReviewQueues
from catalog_app.gui.controllers import fill
from catalog_app.gui.controllers.browse import BrowseController
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.views.sidebar import Sidebar


class QueuesController(QObject):
    """Keeps the sidebar's keyword, camera and archived-incident lists in step."""

    read = Signal()  # the lists shown are the latest (tests wait on it)
    changed = Signal(str)  # a sentence: an incident was restored

    def __init__(self, session: CatalogueSession, sidebar: Sidebar, browse: BrowseController,
                 status: QStatusBar) -> None:
        super().__init__(sidebar)
        self.session, self.sidebar, self.status = session, sidebar, status
        browse.refreshed.connect(self.refresh)
        sidebar.restore_requested.connect(self.restore)

    def refresh(self) -> None:
        self.session.read(self, lambda c: c.review_queues(), self._shown)

    def _shown(self, queues: ReviewQueues) -> None:
        self.sidebar.set_queues(queues)
        self.read.emit()

    def restore(self, incident_id: int) -> None:
        """Bring an archived incident back to the sidebar's incidents (a logged change)."""
        names = {i: name for i, name, _ in self.sidebar.archived()}
        name = names.get(incident_id, f"#{incident_id}")
        self.session.write(
            self, lambda c, actor: c.edit_incident(incident_id, {"archived": 0}, actor),
            lambda _: self.changed.emit(fill(self.tr("Incident %1 restored."), name)))
