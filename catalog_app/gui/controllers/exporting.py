"""Exporting from the window: galleries and evidence packages as jobs with progress, and the
single-file exports (positions, the CSV table) on the database thread."""

from __future__ import annotations

from collections.abc import Callable, Generator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QStatusBar, QWidget

from catalog_app import i18n
from catalog_app.core import keys
from catalog_app.core.keys import PassphraseNeeded, SessionKey, SigningError
from catalog_app.core.models import ExportKind, Incident
from catalog_app.db.catalogue import Catalogue
from catalog_app.export.gallery import ExportProgress, GalleryExport
from catalog_app.export.package import PackageExport, withheld_sentence_in
from catalog_app.export.selection import Selection, withheld_sentence
from catalog_app.export.tables import FileExport, export_file
from catalog_app.gui.controllers.jobs import JobController
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.tasks import Cancel
from catalog_app.gui.views.export_dialog import ExportDialog, ExportRequest
from catalog_app.gui.views.job_dialog import JobProgressDialog
from catalog_app.gui.views.main_window import MainWindow

Job = GalleryExport | PackageExport


def unlock_for_export(path: Path, passphrase: bytes | None, root: Path) -> None:
    """Unlock the export's signing key with the passphrase typed in the dialog (on the job's
    thread); the export then finds it unlocked. A key inside the catalogue is refused first."""
    if passphrase is None:
        return
    keys.refuse_inside(path, [root])
    keys.unlock(path, passphrase)


class ExportController(QObject):
    """One gallery or package export at a time; `finished` carries the job (its summary)."""

    progress = Signal(object)  # ExportProgress
    finished = Signal(object)  # the job, with its summary
    failed = Signal(str)
    file_exported = Signal(object)  # FileExport
    dialog_opened = Signal(object)  # the ExportDialog (tests and screenshots use it)

    def __init__(self, session: CatalogueSession, window: MainWindow, status: QStatusBar,
                 selected_ids) -> None:
        super().__init__(window)
        self.session, self.window, self.status = session, window, status
        self._selected_ids = selected_ids
        self.job = JobController(self)
        self.job.progress.connect(self.progress.emit)
        self.job.finished.connect(self.finished.emit)
        self.job.failed.connect(self.failed.emit)
        self.dialog: ExportDialog | None = None
        # the window's session key (gui/controllers/signing.py): signs the export's log entry,
        # and signs the export itself with no passphrase asked when it is the key chosen
        self.session_key: Callable[[], SessionKey | None] = lambda: None
        self.closing = False
        window.export_gallery_action.triggered.connect(
            lambda _c=False: self.export(ExportKind.GALLERY))
        window.export_package_action.triggered.connect(
            lambda _c=False: self.export(ExportKind.PACKAGE))
        for action, kind in ((window.export_geojson_action, ExportKind.GEOJSON),
                             (window.export_kml_action, ExportKind.KML),
                             (window.export_csv_action, ExportKind.CSV)):
            action.triggered.connect(lambda _c=False, k=kind: self.ask_file(k))

    @property
    def running(self) -> bool:
        return self.job.running

    def cancel(self) -> None:
        self.job.cancel()

    # -- galleries and packages ----------------------------------------------------------
    def export(self, kind: ExportKind) -> None:
        """Ask what to export (gallery or package), then run it with progress."""
        selected = self._selected_ids()
        self.session.read(self, lambda c: (c.incidents(), c.date_range()),
                          lambda found: self._ask(*found, selected, kind))

    def _ask(self, incidents: list[Incident], dates: tuple[str | None, str | None],
             selected: list[int], kind: ExportKind) -> None:
        signing = self.session_key()
        dialog = ExportDialog(incidents, selected, kind, self.window,
                              signing.path if signing is not None else None, days=dates)
        dialog.accepted.connect(lambda: self._start(dialog.request()))
        dialog.open()
        self.dialog = dialog
        self.dialog_opened.emit(dialog)

    def _start(self, request: ExportRequest) -> None:
        parent = self.window
        root, actor = self.session.root, self.session.actor

        signer = self.session_key()

        def work(cancel: Cancel) -> Generator[ExportProgress, None, Job]:
            with Catalogue.open(root) as catalogue:
                catalogue.sign_checkpoints_with(signer)
                if request.sign_with is not None:
                    unlock_for_export(request.sign_with, request.passphrase, root)
                job: Job
                if request.kind == ExportKind.GALLERY:
                    job = GalleryExport(catalogue, request.out, request.gallery, actor)
                else:
                    job = PackageExport(catalogue, request.out, request.selection, actor,
                                        request.make_zip, request.sign_with,
                                        redacted=request.redacted_copies,
                                        language=request.gallery.language)
                cancel.on_cancel(job.cancel)
                try:
                    yield from job.run()
                except PassphraseNeeded as exc:
                    raise SigningError(QCoreApplication.translate(
                        "ExportController", "The key %1 is protected by a passphrase: type "
                        "it beside the key in the export dialog.").replace(
                        "%1", str(request.sign_with))) from exc
                return job

        progress = JobProgressDialog(parent, self.tr("Exporting"),
                                     self.tr("Preparing the export…"),
                                     self.tr("{done:,} of {total:,} photos exported"),
                                     self.cancel)

        def done(job: Job) -> None:
            if not self.closing:
                _show(parent, QMessageBox.Icon.Information, self.tr("Export"),
                      describe(job, request))

        def failed(message: str) -> None:
            if not self.closing:
                _show(parent, QMessageBox.Icon.Warning, self.tr("The export stopped"),
                      message)

        disconnect = progress.follow(self.progress, self.finished, self.failed, done, failed)
        if self.job.start(work):
            progress.show()
        else:
            disconnect()
            progress.deleteLater()
            _show(parent, QMessageBox.Icon.Information, self.tr("Export"),
                  self.tr("An export is already running; wait for it to end."))

    # -- single files --------------------------------------------------------------------
    def ask_file(self, kind: ExportKind) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export %1").replace("%1", kind.upper()), f"catalogue.{kind}")
        if path:
            self.export_file(kind, Path(path))

    def export_file(self, kind: ExportKind, path: Path) -> None:
        """Write positions or the table on the database thread (restricted photos withheld)."""
        def done(made: FileExport) -> None:
            text = self.tr("Wrote %Ln photos to %1.", "", made.photos) if not made.withheld \
                else self.tr("Wrote %Ln photos to %1; %2.", "", made.photos).replace(
                    "%2", _withheld(made.left_out))
            self.status.showMessage(text.replace("%1", str(made.path)), 10000)
            self.file_exported.emit(made)

        self.session.write(self, lambda c, actor: export_file(c, kind, path, Selection(), actor),
                           done, lambda error: self.status.showMessage(str(error), 15000))


def _show(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> None:
    box = QMessageBox(icon, title, text, parent=parent)
    box.setObjectName("export-result")
    box.open()  # not exec(): the window keeps running


def _withheld(left_out: dict[str, int]) -> str:
    """The withheld photos in the window's language (the gettext side follows it)."""
    return withheld_sentence_in(left_out, i18n.current())


def describe(job: Job, request: ExportRequest) -> str:
    """The result of an export in a few sentences."""
    out = str(request.out)
    if isinstance(job, GalleryExport):
        s = job.summary
        made = s.exported + s.reused
        if s.cancelled:
            return QCoreApplication.translate(
                "ExportController", "Cancelled: the photos made so far (%1) are kept in %2; "
                "export again to the same folder to finish.").replace(
                "%1", QLocale().toString(made)).replace("%2", out)
        text = QCoreApplication.translate(
            "ExportController", "The gallery is in %1. Photos: %2 (unchanged since the last "
            "export: %3). Open index.html in a browser.").replace("%1", out).replace(
            "%2", QLocale().toString(made)).replace("%3", QLocale().toString(s.reused))
        if s.signed_by:
            text += "\n\n" + QCoreApplication.translate(
                "ExportController", "Signed: SHA256SUMS.sig, key fingerprint %1.").replace(
                "%1", s.signed_by)
        if withheld_sentence(s.left_out):
            text += f"\n\n{_withheld(s.left_out)}."
        left = ", ".join(f"{n} {reason}" for reason, n in sorted((s.left_out or {}).items()))
        if left:
            text += "\n\n" + QCoreApplication.translate(
                "ExportController", "Left out: %1.").replace("%1", left)
        if s.failed:
            text += "\n\n" + QCoreApplication.translate(
                "ExportController", "Could not be exported:") + "\n" + "\n".join(
                QCoreApplication.translate("ExportController", "photo %1: %2").replace(
                    "%1", str(pid)).replace("%2", reason) for pid, reason in s.failed)
        return text
    p = job.summary
    if p.cancelled:
        return QCoreApplication.translate(
            "ExportController", "Cancelled: the folder %1 holds an incomplete package; delete "
            "it and export again.").replace("%1", out)
    text = QCoreApplication.translate(
        "ExportController", "The evidence package is in %1. Originals: %2. Check it with "
        "`sha256sum -c SHA256SUMS` inside the folder.").replace("%1", out).replace(
        "%2", QLocale().toString(p.photos))
    if p.withheld:
        text += "\n\n" + QCoreApplication.translate(
            "ExportController", "%1 (listed by hash in withheld.csv).").replace(
            "%1", _withheld(p.left_out))
    if p.signed_by:
        text += "\n\n" + QCoreApplication.translate(
            "ExportController", "Signed: SHA256SUMS.sig, key fingerprint %1.").replace(
            "%1", p.signed_by)
    if request.redacted_copies:
        text += "\n\n" + QCoreApplication.translate(
            "ExportController", "Redacted copies in redacted/: %1 (tied to the originals in "
            "redacted/manifest.json).").replace("%1", QLocale().toString(p.redacted))
    if p.zip_path:
        text += "\n\n" + QCoreApplication.translate(
            "ExportController", "Also as %1.").replace("%1", p.zip_path)
    return text
