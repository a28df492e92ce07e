"""Verifying the catalogue from the window: its own thread and connection, with progress, then
the same report `catalog-app verify` prints, in a dialog to copy from or save."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from catalog_app.db.catalogue import Catalogue
from catalog_app.export import folder
from catalog_app.gui.controllers import fill
from catalog_app.gui.controllers.jobs import JobController
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.tasks import Cancel, TaskRunner
from catalog_app.gui.views.job_dialog import JobProgressDialog
from catalog_app.gui.views.verify_report import VerifyReportDialog
from catalog_app.services.verify import VerifyJob, VerifyProgress, VerifyReport, run_and_record
from catalog_app.services.verify_text import report_lines

Outcome = tuple[VerifyReport, list[str]]  # the report and its lines, as the CLI prints them


class VerifyController(QObject):
    """Runs VerifyJob off the GUI thread; `finished` carries the report, `lines` its text."""

    progress = Signal(object)  # VerifyProgress
    finished = Signal(object)  # VerifyReport
    failed = Signal(str)
    report_shown = Signal(object)  # the VerifyReportDialog, once it is open

    def __init__(self, session: CatalogueSession, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.session, self.parent_widget = session, parent_widget
        self.job = JobController(self)
        self.job.progress.connect(self.progress.emit)
        self.job.finished.connect(self._done)
        self.job.failed.connect(self.failed.emit)
        self.closing = False  # the window waits for it: no result box
        self.lines: list[str] = []  # the last report's lines
        self._files = TaskRunner.single_thread(self)  # saving a report: off the GUI thread

    def _done(self, outcome: Outcome) -> None:
        report, self.lines = outcome
        self.finished.emit(report)

    @property
    def running(self) -> bool:
        return self.job.running

    def cancel(self) -> None:
        self.job.cancel()

    def start(self) -> bool:
        root, actor = self.session.root, self.session.actor
        read_only = self.session.catalogue.read_only
        key = self.session.catalogue.checkpoint_key  # the window's session key signs its entry

        def work(cancel: Cancel) -> Generator[VerifyProgress, None, Outcome]:
            with Catalogue.open(root, read_only=read_only) as catalogue:
                catalogue.sign_checkpoints_with(key)
                job = VerifyJob(catalogue)
                cancel.on_cancel(job.cancel)
                yield from run_and_record(job, actor)
                report = job.report
                if report.cancelled:  # no summary: not every original was checked
                    return report, list(report.problems)
                return report, report_lines(report, catalogue.custody_head())

        return self.job.start(work)

    def verify_with_dialog(self) -> None:
        """A progress dialog while it runs, then the report (every problem and the summary)."""
        parent = self.parent_widget
        if self.running:
            return
        dialog = JobProgressDialog(parent, self.tr("Verifying the catalogue"),
                                   self.tr("Re-hashing every original…"),
                                   self.tr("{done:,} of {total:,} originals re-hashed"),
                                   self.cancel)

        def finished(report: VerifyReport) -> None:
            if self.closing:
                return
            self.show_report(report, self.lines)

        def failed(message: str) -> None:
            if not self.closing:
                QMessageBox(QMessageBox.Icon.Warning, self.tr("Verification stopped"), message,
                            parent=parent).open()

        disconnect = dialog.follow(self.progress, self.finished, self.failed, finished, failed)
        if self.start():
            dialog.show()
        else:
            disconnect()

    def show_report(self, report: VerifyReport, lines: list[str]) -> VerifyReportDialog:
        """The report in a dialog one can copy from and save; headline first."""
        if report.cancelled:
            headline = self.tr("Stopped after %Ln originals; nothing was recorded. Verify "
                               "again to check them all.", "", report.checked)
            if report.problems:
                headline += " " + self.tr("Problems found so far:")
        elif report.ok and report.anchored:
            headline = self.tr("No problems found. The report, as catalog-app verify prints it:")
        elif report.ok:
            headline = self.tr("No problems found, but the history is not proven (nothing "
                               "outside the catalogue's files anchors it). The report, as "
                               "catalog-app verify prints it:")
        else:
            headline = self.tr("%Ln problems found. The report, as catalog-app verify prints "
                               "it:", "", len(report.problems))
        dialog = VerifyReportDialog(self.parent_widget, headline, lines, report.ok)
        dialog.save_requested.connect(lambda path: self.save_report(dialog, Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.report_shown.emit(dialog)
        return dialog

    def save_report(self, dialog: VerifyReportDialog, path: Path) -> None:
        """Write the dialog's report to `path` off the GUI thread; the dialog says how it went."""
        text = dialog.report_text()
        self._files.run(dialog, lambda: folder.write_text(path, text),
                        lambda _none: dialog.show_note(fill(self.tr("Saved to %1."), path)),
                        lambda error: dialog.show_note(str(error)))
