"""Run an import from the window: its own thread and catalogue connection, cancellable."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from catalog_app.core.models import Actor, ImportProgress, ImportSummary
from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.tasks import TaskRunner
from catalog_app.services.importing import ImportJob


class ImportController(QObject):
    """Starts imports; reports progress, the summary, or an error, all on the main thread."""

    progress = Signal(object)  # ImportProgress
    finished = Signal(object)  # ImportSummary
    failed = Signal(str)

    def __init__(self, root: Path, actor: Actor, workers: int | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self.actor = actor
        self.workers = workers
        self._runner = TaskRunner.single_thread(self)
        self._job: ImportJob | None = None

    @property
    def running(self) -> bool:
        return self._runner.busy()

    def start(self, paths: Sequence[str],
              after: Callable[[Catalogue], object] | None = None) -> bool:
        """Begin importing `paths`, then run `after` on the same thread; False if an import
        is already running."""
        if self.running:
            return False
        self._runner.run_events(lambda: self._events(list(paths), after), self._progress,
                                self._done, self._error, min_interval=0.1)
        return True

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def wait(self, msecs: int = 60000) -> bool:
        return self._runner.wait(msecs)

    def _events(self, paths: list[str], after: Callable[[Catalogue], object] | None
                ) -> Iterator[ImportProgress]:  # on the import thread
        with Catalogue.open(self.root, create=True) as catalogue:
            self._job = ImportJob(catalogue, paths, self.actor, workers=self.workers)
            yield from self._job.run()
            if after is not None and not self._job.summary.cancelled:
                after(catalogue)

    def _progress(self, event: ImportProgress) -> None:
        self.progress.emit(event)

    def _done(self, _: object) -> None:
        summary = self._job.summary if self._job else ImportSummary()
        self._job = None
        self.finished.emit(summary)

    def _error(self, error: BaseException) -> None:
        self._job = None
        self.failed.emit(str(error) or type(error).__name__)
