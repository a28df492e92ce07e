"""One open catalogue in a window: the window, its session and the controllers that drive it.

Closing: while a job (import, verify, export, face scan) runs, closing the window cancels the
jobs and keeps the window open; when the last one reports its end the window closes itself.
Nothing waits on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from catalog_app.core.lock import WindowLock
from catalog_app.gui.controllers.browse import BrowseController
from catalog_app.gui.controllers.duplicates import DuplicatesController
from catalog_app.gui.controllers.exporting import ExportController
from catalog_app.gui.controllers.faces import FacesController
from catalog_app.gui.controllers.importing import ImportController
from catalog_app.gui.controllers.inspect import InspectController, ViewerController
from catalog_app.gui.controllers.jobs import JobController
from catalog_app.gui.controllers.log_viewer import LogViewerController
from catalog_app.gui.controllers.map import MapController
from catalog_app.gui.controllers.queues import QueuesController
from catalog_app.gui.controllers.saved_searches import SavedSearchesController
from catalog_app.gui.controllers.signing import SigningController
from catalog_app.gui.controllers.tagging import TaggingController
from catalog_app.gui.controllers.verify import VerifyController
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.thumbnails import ThumbnailLoader
from catalog_app.gui.views.main_window import MainWindow

CLOSING_NOTE = str(QT_TRANSLATE_NOOP("Workspace", "Finishing the work in progress before closing…"))


@dataclass(eq=False)
class Workspace:
    session: CatalogueSession
    window: MainWindow
    thumbnails: ThumbnailLoader
    browse: BrowseController
    inspect: InspectController
    viewer: ViewerController
    importer: ImportController
    tagging: TaggingController
    review: DuplicatesController
    exporter: ExportController
    verifier: VerifyController
    lock: WindowLock | None = None
    signing: SigningController | None = None
    map: MapController | None = None  # the map dock
    faces: FacesController | None = None
    queues: QueuesController | None = None  # the sidebar's keyword, camera, archived lists
    log_viewer: LogViewerController | None = None
    saved_searches: SavedSearchesController | None = None
    closing: bool = field(default=False)

    @property
    def jobs(self) -> list[JobController]:
        scan = [self.faces.job] if self.faces is not None else []
        return [self.importer.job, self.verifier.job, self.exporter.job, *scan]

    @property
    def busy(self) -> bool:
        return any(job.running for job in self.jobs)

    def may_close(self) -> bool:
        """The window's close guard: True when nothing runs; otherwise cancel what runs, close
        the window when it has ended, and say so (False: the window stays open meanwhile)."""
        if not self.busy:
            return True
        if not self.closing:
            self.closing = True
            for controller in (self.importer, self.verifier, self.exporter, self.faces):
                if controller is not None:
                    controller.closing = True
            self.window.set_importing(True)  # no new import while the window closes
            self.window.setAcceptDrops(False)
            note = QCoreApplication.translate("Workspace", CLOSING_NOTE)
            self.window.import_panel.status.setText(note)
            self.window.statusBar().showMessage(note)
            for job in self.jobs:
                job.finished.connect(self._job_ended)
                job.failed.connect(self._job_ended)
        for job in self.jobs:
            job.cancel()
        return False

    def _job_ended(self, _result: object = None) -> None:
        if not self.busy:
            self.window.close()  # the guard lets it through now
