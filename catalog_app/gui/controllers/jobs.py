"""The one job controller: runs a long job (a generator of progress) on its own thread.

Import, verify and export all run through it. A job is a function `work(cancel)` returning a
generator: it yields progress, checks `cancel` between items (or hooks its own cancel to it
with `cancel.on_cancel(job.cancel)`), and returns its result, which `finished` carries.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from catalog_app.gui.tasks import EventWork, Task, TaskRunner

PROGRESS_INTERVAL_S = 0.1  # at most ten progress updates a second reach the window


class JobController(QObject):
    """One job at a time; progress, finished and failed are emitted on the GUI thread."""

    progress = Signal(object)
    finished = Signal(object)  # the job's result
    failed = Signal(str)  # one sentence

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = TaskRunner.single_thread(self)
        self._task: Task | None = None

    @property
    def running(self) -> bool:
        """A job was started and has not yet reported its end."""
        return self._task is not None

    @property
    def cancelled(self) -> bool:
        return self._task is not None and self._task.cancelled

    def start(self, work: EventWork) -> bool:
        """Start `work`; False (and nothing started) while another job runs."""
        if self.running:
            return False
        self._task = self._runner.run_events(self, work, self.progress.emit, self._done,
                                             self._error, min_interval=PROGRESS_INTERVAL_S)
        return True

    def cancel(self) -> None:
        """Ask the job to stop between items; `finished` or `failed` still follows."""
        if self._task is not None:
            self._task.cancel()

    def _done(self, result: object) -> None:
        self._task = None
        self.finished.emit(result)

    def _error(self, error: BaseException) -> None:
        self._task = None
        self.failed.emit(str(error) or type(error).__name__)
