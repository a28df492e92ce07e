"""Importing from the window: choose or drop files, progress in the panel, the summary."""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QStatusBar

from catalog_app.core.models import ImportSummary
from catalog_app.core.progress import Progress
from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.controllers import fill
from catalog_app.gui.controllers.jobs import JobController
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.tasks import Cancel
from catalog_app.gui.views.import_panel import ImportPanel, ImportSummaryDialog
from catalog_app.gui.views.main_window import MainWindow
from catalog_app.services.importing import ImportJob

After = Callable[[Catalogue], object]


def import_work(session: CatalogueSession, paths: list[str], workers: int | None,
                after: After | None) -> Callable[[Cancel], Generator[Progress, None,
                                                                     ImportSummary]]:
    """The import as a job: its own catalogue connection on the job's thread."""
    root, actor = session.root, session.actor
    key = session.catalogue.checkpoint_key  # the window's session key signs the import too

    def work(cancel: Cancel) -> Generator[Progress, None, ImportSummary]:
        with Catalogue.open(root, create=True) as catalogue:
            catalogue.sign_checkpoints_with(key)
            job = ImportJob(catalogue, paths, actor, workers=workers)
            cancel.on_cancel(job.cancel)
            yield from job.run()
            if after is not None and not job.summary.cancelled:
                after(catalogue)
            return job.summary

    return work


class ImportController(QObject):
    """Starts imports; `progress`, `finished` (the summary) and `failed` on the GUI thread."""

    progress = Signal(object)  # Progress
    finished = Signal(object)  # ImportSummary
    failed = Signal(str)
    started = Signal()
    ended = Signal()  # finished or failed

    def __init__(self, session: CatalogueSession, window: MainWindow, panel: ImportPanel,
                 status: QStatusBar, workers: int | None = None) -> None:
        super().__init__(window)
        self.session, self.window, self.panel, self.status = session, window, panel, status
        self.workers = workers
        self.job = JobController(self)
        self.last_summary: ImportSummary | None = None
        self.closing = False  # the window waits for the import to end: no summary dialog
        self.job.progress.connect(self._progress)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        panel.cancel_requested.connect(self.cancel)
        window.import_action.triggered.connect(lambda _c=False: self.choose_files())
        window.import_folder_action.triggered.connect(lambda _c=False: self.choose_folder())
        window.files_dropped.connect(self.start)

    @property
    def running(self) -> bool:
        return self.job.running

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Import photos"))
        if files:
            self.start(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window,
                                                  self.tr("Import every photo under a folder"))
        if folder:
            self.start([folder])

    def start(self, paths: Sequence[str], after: After | None = None) -> bool:
        """Import `paths`, then run `after` on the import's thread; False if one is running."""
        if not self.job.start(import_work(self.session, list(paths), self.workers, after)):
            self.status.showMessage(self.tr("An import is already running; wait for it to end."))
            return False
        self.panel.begin()
        self.window.set_importing(True)
        self.started.emit()
        return True

    def cancel(self) -> None:
        self.job.cancel()

    def _progress(self, event: Progress) -> None:
        self.panel.update_progress(event)
        self.progress.emit(event)

    def _finished(self, summary: ImportSummary) -> None:
        self._ended()
        self.last_summary = summary
        if not self.closing:
            ImportSummaryDialog(summary, self.window).open()
        self.finished.emit(summary)

    def _failed(self, message: str) -> None:
        self._ended()
        self.status.showMessage(fill(self.tr("The import stopped: %1"), message))
        self.failed.emit(message)

    def _ended(self) -> None:
        self.panel.hide()
        if not self.closing:  # a closing window takes no new import while other work ends
            self.window.set_importing(False)
        self.ended.emit()
