"""Faces in the window: find them on worker processes (a job, with progress), show each photo's
scan in the inspector, and record a review or a "publish anyway"."""

from __future__ import annotations

from collections.abc import Callable, Generator

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from catalog_app.core.faces import FaceScan
from catalog_app.core.models import Photo
from catalog_app.core.progress import Progress
from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.controllers import fill
from catalog_app.gui.controllers.jobs import JobController
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.tasks import Cancel
from catalog_app.gui.views.faces_row import FacesRow
from catalog_app.gui.views.job_dialog import JobProgressDialog
from catalog_app.services.faces import FaceJob, FaceSummary


def _ask(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("FacesController", "Publish with faces unreviewed?"),
        text)
    return answer == QMessageBox.StandardButton.Yes


class FacesController(QObject):
    """`detect_with_dialog` runs FaceJob off the GUI thread; the inspector's row follows the
    photo shown. `changed` carries a sentence after each write."""

    changed = Signal(str)
    scan_shown = Signal(int)  # photo id, once its faces line is filled in

    def __init__(self, session: CatalogueSession, row: FacesRow, parent_widget: QWidget,
                 status: QStatusBar, workers: int | None = None) -> None:
        super().__init__(parent_widget)
        self.session, self.row, self.parent_widget = session, row, parent_widget
        self.status, self.workers = status, workers
        self.job = JobController(self)
        self.ask: Callable[[QWidget, str], bool] = _ask  # tests answer for the person
        self.closing = False  # set by the workspace: the window closes once the scan ends
        row.review.connect(self.review)
        row.publish_anyway.connect(self.publish_anyway)

    def show_photo(self, photo: Photo) -> None:
        photo_id = photo.id
        if self.row.photo_id != photo_id:  # the same photo shown again keeps its line meanwhile
            self.row.show_scan(photo_id, None)
        self.session.read(self, lambda c: c.face_scan(photo_id),
                          lambda scan: self._shown(photo_id, scan))

    def _shown(self, photo_id: int, scan: FaceScan | None) -> None:
        if self.row.photo_id == photo_id:
            self.row.show_scan(photo_id, scan)
            self.scan_shown.emit(photo_id)

    def review(self, photo_id: int) -> None:
        self.session.write(self, lambda c, actor: c.mark_faces_reviewed([photo_id], actor),
                           lambda _n: self._written(
                               fill(self.tr("Photo %1: faces marked reviewed."), photo_id),
                               photo_id))

    def publish_anyway(self, photo_id: int) -> None:
        if not self.ask(self.parent_widget,
                        fill(self.tr("Photo %1 will be published in galleries with the faces "
                                     "found in it neither reviewed nor redacted. This is "
                                     "recorded under your name in the custody log."),
                             photo_id)):
            return
        self.session.write(self, lambda c, actor: c.publish_faces_anyway([photo_id], actor),
                           lambda _n: self._written(fill(self.tr(
                               "Photo %1: to be published anyway (logged)."), photo_id),
                               photo_id))

    def _written(self, sentence: str, photo_id: int) -> None:
        self.changed.emit(sentence)
        self.session.read(self, lambda c: c.face_scan(photo_id),
                          lambda scan: self._shown(photo_id, scan))

    def start(self, photo_ids: list[int] | None = None) -> bool:
        """Scan (the selection, or every photo not yet scanned) on worker processes."""
        root, actor, workers = self.session.root, self.session.actor, self.workers

        def work(cancel: Cancel) -> Generator[Progress, None, FaceSummary]:
            with Catalogue.open(root) as catalogue:  # its own connection, on the job's thread
                job = FaceJob(catalogue, actor, photo_ids, workers=workers)
                cancel.on_cancel(job.cancel)
                yield from job.run()
                return job.summary

        return self.job.start(work)

    def detect_with_dialog(self, photo_ids: list[int] | None = None) -> None:
        if self.job.running:
            return
        dialog = JobProgressDialog(self.parent_widget, self.tr("Finding faces"),
                                   self.tr("Looking for faces…"),
                                   self.tr("{done:,} of {total:,} photos scanned"),
                                   self.job.cancel)

        def finished(s: FaceSummary) -> None:
            locale = QLocale()
            text = (self.tr("%Ln photos scanned (stopped early).", "", s.scanned) if s.cancelled
                    else self.tr("%Ln photos scanned.", "", s.scanned))
            text += " " + fill(self.tr("Faces found: %1; photos with faces: %2."),
                               locale.toString(s.faces), locale.toString(s.with_faces))
            if s.failed:
                text += " " + fill(self.tr("Could not be scanned: %1."),
                                   locale.toString(len(s.failed)))
            if self.closing:
                return  # the window closes now: nothing more to show or read
            self.changed.emit(text)
            if self.row.photo_id is not None:
                pid = self.row.photo_id
                self.session.read(self, lambda c: c.face_scan(pid),
                                  lambda scan: self._shown(pid, scan))

        def failed(message: str) -> None:
            if self.closing:
                return
            QMessageBox(QMessageBox.Icon.Warning, self.tr("Finding faces stopped"), message,
                        parent=self.parent_widget).open()

        disconnect = dialog.follow(self.job.progress, self.job.finished, self.job.failed,
                                   finished, failed)
        if self.start(photo_ids):
            dialog.show()
        else:
            disconnect()
