"""Verifying the catalogue from the window: its own thread and connection, with progress."""

from __future__ import annotations

from collections.abc import Generator

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.controllers.jobs import JobController
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.tasks import Cancel
from catalog_app.gui.views.job_dialog import JobProgressDialog
from catalog_app.services.verify import VerifyJob, VerifyProgress, VerifyReport, run_and_record


class VerifyController(QObject):
    """Runs VerifyJob off the GUI thread; `finished` carries the report."""

    progress = Signal(object)  # VerifyProgress
    finished = Signal(object)  # VerifyReport
    failed = Signal(str)

    def __init__(self, session: CatalogueSession, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.session, self.parent_widget = session, parent_widget
        self.job = JobController(self)
        self.job.progress.connect(self.progress.emit)
        self.job.finished.connect(self.finished.emit)
        self.job.failed.connect(self.failed.emit)
        self.closing = False  # the window waits for it: no result box

    @property
    def running(self) -> bool:
        return self.job.running

    def cancel(self) -> None:
        self.job.cancel()

    def start(self) -> bool:
        root, actor = self.session.root, self.session.actor
        read_only = self.session.catalogue.read_only

        def work(cancel: Cancel) -> Generator[VerifyProgress, None, VerifyReport]:
            with Catalogue.open(root, read_only=read_only) as catalogue:
                job = VerifyJob(catalogue)
                cancel.on_cancel(job.cancel)
                yield from run_and_record(job, actor)
                return job.report

        return self.job.start(work)

    def verify_with_dialog(self) -> None:
        """A progress dialog while it runs, then the result (every problem listed)."""
        parent = self.parent_widget
        if self.running:
            return
        dialog = JobProgressDialog(parent, "Verifying the catalogue", "Re-hashing every original…",
                                   "{done:,} of {total:,} originals re-hashed", self.cancel)

        def finished(report: VerifyReport) -> None:
            if self.closing:
                return
            if report.cancelled:
                text = (f"Stopped after {report.checked:,} originals; nothing was recorded. "
                        "Verify again to check them all.")
            elif report.ok:
                text = (f"All {report.checked:,} originals match their SHA-256; the custody "
                        "log and the database are intact.")
            else:
                text = (f"{len(report.problems)} problem(s) found:\n\n"
                        + "\n".join(report.problems))
            if report.not_logged:
                text += f"\n\n{report.not_logged[0].upper()}{report.not_logged[1:]}."
            box = QMessageBox(QMessageBox.Icon.Information if report.ok else
                              QMessageBox.Icon.Warning, "Verification", text, parent=parent)
            box.open()

        def failed(message: str) -> None:
            if not self.closing:
                QMessageBox(QMessageBox.Icon.Warning, "Verification stopped", message,
                            parent=parent).open()

        disconnect = dialog.follow(self.progress, self.finished, self.failed, finished, failed)
        if self.start():
            dialog.show()
        else:
            disconnect()
