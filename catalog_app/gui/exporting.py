"""Run an export from the window: its own thread and catalogue connection, cancellable."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from catalog_app.core.models import Actor, Incident
from catalog_app.db.catalogue import Catalogue
from catalog_app.export.gallery import ExportProgress, GalleryExport
from catalog_app.export.package import PackageExport
from catalog_app.gui.tasks import TaskRunner
from catalog_app.gui.views.export_dialog import GALLERY, ExportDialog, ExportRequest

Job = GalleryExport | PackageExport
JobFactory = Callable[[Catalogue, Actor], Job]


class ExportController(QObject):
    """Runs one export job at a time off the GUI thread; `finished` carries the job."""

    progress = Signal(object)  # ExportProgress
    finished = Signal(object)  # the job, with its summary
    failed = Signal(str)

    def __init__(self, root: Path, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root, self.actor = root, actor
        self._runner = TaskRunner.single_thread(self)
        self._job: Job | None = None

    @property
    def running(self) -> bool:
        return self._runner.busy()

    def start(self, make_job: JobFactory) -> bool:
        if self.running:
            return False
        self._runner.run_events(lambda: self._events(make_job), self.progress.emit,
                                self._done, self._error, min_interval=0.1)
        return True

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def wait(self, msecs: int = 120000) -> bool:
        return self._runner.wait(msecs)

    def _events(self, make_job: JobFactory) -> Iterator[ExportProgress]:  # export thread
        with Catalogue.open(self.root) as catalogue:
            self._job = make_job(catalogue, self.actor)
            yield from self._job.run()

    def _done(self, _: object) -> None:
        job, self._job = self._job, None
        self.finished.emit(job)

    def _error(self, error: BaseException) -> None:
        self._job = None
        self.failed.emit(str(error) or type(error).__name__)


def run_with_dialog(parent: QWidget, controller: ExportController, incidents: list[Incident],
                    selected: list[int], kind: str) -> ExportDialog:
    """Ask what to export, then run it with a cancellable progress dialog and report."""
    dialog = ExportDialog(incidents, selected, kind, parent)

    def start() -> None:
        request = dialog.request()
        progress = QProgressDialog("Preparing the export…", "Cancel", 0, 0, parent)
        progress.setWindowTitle("Exporting")
        progress.setMinimumDuration(0)
        progress.canceled.connect(controller.cancel)

        def step(event: ExportProgress) -> None:
            progress.setMaximum(max(event.total, 1))
            progress.setValue(event.done)
            progress.setLabelText(f"{event.done:,} of {event.total:,} photos exported")

        def done(job: Job) -> None:
            _disconnect()
            progress.close()
            _show(parent, QMessageBox.Icon.Information, "Export", describe(job, request))

        def failed(message: str) -> None:
            _disconnect()
            progress.close()
            _show(parent, QMessageBox.Icon.Warning, "The export stopped", message)

        def _disconnect() -> None:
            for signal, slot in ((controller.progress, step), (controller.finished, done),
                                 (controller.failed, failed)):
                signal.disconnect(slot)

        controller.progress.connect(step)
        controller.finished.connect(done)
        controller.failed.connect(failed)
        def factory(catalogue: Catalogue, actor: Actor) -> Job:
            if request.kind == GALLERY:
                return GalleryExport(catalogue, request.out, request.gallery, actor)
            return PackageExport(catalogue, request.out, request.selection, actor,
                                 request.make_zip, request.sign_with)

        if controller.start(factory):
            progress.show()
        else:
            _disconnect()
            _show(parent, QMessageBox.Icon.Information, "Export",
                  "An export is already running; wait for it to end.")

    dialog.accepted.connect(start)
    dialog.open()
    return dialog


def _show(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> None:
    box = QMessageBox(icon, title, text, parent=parent)
    box.setObjectName("export-result")
    box.open()  # not exec(): the window keeps running


def describe(job: Job, request: ExportRequest) -> str:
    """The result of an export in a few sentences."""
    if isinstance(job, GalleryExport):
        s = job.summary
        if s.cancelled:
            return (f"Cancelled: {s.exported + s.reused} photos were made and are kept in "
                    f"{request.out}; export again to the same folder to finish.")
        text = (f"The gallery is in {request.out}: {s.exported + s.reused} photos "
                f"({s.reused} unchanged since the last export). Open index.html in a browser.")
        if s.signed_by:
            text += f"\n\nSigned: SHA256SUMS.sig, key fingerprint {s.signed_by}."
        left = ", ".join(f"{n} {reason}" for reason, n in sorted((s.left_out or {}).items()))
        if left:
            text += f"\n\nLeft out: {left}."
        if s.failed:
            text += "\n\nCould not be exported:\n" + "\n".join(
                f"photo {pid}: {reason}" for pid, reason in s.failed)
        return text
    p = job.summary
    if p.cancelled:
        return (f"Cancelled: the folder {request.out} holds an incomplete package; delete it "
                "and export again.")
    text = (f"The evidence package is in {request.out}: {p.photos} originals. Check it with "
            "`sha256sum -c SHA256SUMS` inside the folder.")
    if p.withheld:
        text += f"\n\n{p.withheld} restricted photo(s) were withheld (listed by hash)."
    if p.signed_by:
        text += f"\n\nSigned: SHA256SUMS.sig, key fingerprint {p.signed_by}."
    if p.zip_path:
        text += f"\n\nAlso as {p.zip_path}."
    return text
