"""Verify the open catalogue from the window: its own thread and connection, with progress."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from catalog_app.core.models import Actor
from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.tasks import TaskRunner
from catalog_app.services.verify import VerifyJob, VerifyProgress, VerifyReport


class VerifyController(QObject):
    """Runs VerifyJob off the GUI thread; `finished` carries the report."""

    progress = Signal(object)  # VerifyProgress
    finished = Signal(object)  # VerifyReport
    failed = Signal(str)

    def __init__(self, root: Path, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root, self.actor = root, actor
        self._runner = TaskRunner.single_thread(self)
        self._report: VerifyReport | None = None

    def start(self) -> bool:
        if self._runner.busy():
            return False
        self._runner.run_events(self._events, self.progress.emit,
                                lambda _: self.finished.emit(self._report),
                                lambda error: self.failed.emit(str(error)), min_interval=0.1)
        return True

    def wait(self, msecs: int = 120000) -> bool:
        return self._runner.wait(msecs)

    def _events(self) -> Iterator[VerifyProgress]:  # on the verify thread
        with Catalogue.open(self.root) as catalogue:
            job = VerifyJob(catalogue)
            yield from job.run()
            self._report = job.report
            catalogue.record_event("verify", {"checked": job.report.checked,
                                              "problems": len(job.report.problems)}, self.actor)


def run_with_dialog(parent: QWidget, controller: VerifyController) -> None:
    """A progress dialog while it runs, then the result (every problem listed)."""
    dialog = QProgressDialog("Re-hashing every original…", None, 0, 0, parent)
    dialog.setWindowTitle("Verifying the catalogue")
    dialog.setMinimumDuration(0)

    def progress(event: VerifyProgress) -> None:
        dialog.setMaximum(max(event.total, 1))
        dialog.setValue(event.done)
        dialog.setLabelText(f"{event.done:,} of {event.total:,} originals re-hashed")

    def finished(report: VerifyReport) -> None:
        dialog.close()
        text = (f"All {report.checked:,} originals match their SHA-256; the custody log and "
                "the database are intact." if report.ok else
                f"{len(report.problems)} problem(s) found:\n\n" + "\n".join(report.problems))
        box = QMessageBox(QMessageBox.Icon.Information if report.ok else
                          QMessageBox.Icon.Warning, "Verification", text, parent=parent)
        box.open()

    controller.progress.connect(progress)
    controller.finished.connect(finished)
    controller.failed.connect(lambda message: (dialog.close(), QMessageBox.warning(
        parent, "Verification stopped", message)))
    if controller.start():
        dialog.show()
