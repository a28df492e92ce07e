"""Inspecting the selected photo: its facts, preview, history, caption (with undo), the viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QAbstractItemView

from catalog_app.core.history import HistoryLine, describe_all
from catalog_app.core.imaging import render_preview
from catalog_app.core.labels import time_label
from catalog_app.core.models import Photo
from catalog_app.db.catalogue import Catalogue
from catalog_app.errors import AppError
from catalog_app.gui import memory
from catalog_app.gui.controllers import fill
from catalog_app.gui.images import to_qimage
from catalog_app.gui.models.photo_grid import PhotoGridModel
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.tasks import TaskRunner
from catalog_app.gui.views.describe_panel import MIXED
from catalog_app.gui.views.inspector import Inspector
from catalog_app.gui.views.viewer import Viewer
from catalog_app.services import tagging

FULL_SIZE = 100_000  # "decode at full size" for the viewer's actual pixels


class InspectController(QObject):
    """Shows the one selected photo in the inspector; writes caption edits."""

    photo_shown = Signal(object)  # Photo, once its facts are in the inspector
    preview_shown = Signal(int)  # photo id
    caption_saved = Signal(int)  # photo id
    caption_refused = Signal(int)  # photo id: its caption changed since, so it was left
    history_shown = Signal(int)  # photo id, once its history is in the inspector

    def __init__(self, session: CatalogueSession, inspector: Inspector, previews: TaskRunner,
                 undo_stack: QUndoStack, parent: QObject) -> None:
        super().__init__(parent)
        self.session, self.inspector, self.previews = session, inspector, previews
        self.undo_stack = undo_stack
        self.photo: Photo | None = None
        self._selected: list[int] = []
        self._preview_timer = QTimer(self, singleShot=True, interval=150)
        self._preview_timer.timeout.connect(self._load_preview)
        inspector.preview_size_changed.connect(lambda _size: self._preview_timer.start())
        inspector.caption_edited.connect(
            lambda pid, old, new: undo_stack.push(CaptionChange(self, pid, old, new)))

    def show_selection(self, ids: list[int]) -> None:
        self._selected = list(ids)
        if len(ids) != 1:
            self.photo = None
            self.inspector.show_photo(None, len(ids))
            if ids:  # several: the incident box shows theirs when they share one
                self.session.read(self, lambda c: set(c.incidents_of(ids).values()),
                                  lambda found: self._show_common(ids, found))
            return
        self.session.read(self, lambda c: c.photo(ids[0]), self._show_photo)

    def _show_common(self, ids: list[int], incidents: set[int | None]) -> None:
        if self._selected == ids:
            self.inspector.describe.show_incident(
                next(iter(incidents)) if len(incidents) == 1 else MIXED)

    def reshow(self) -> None:
        """Show the selected photo again after a change to it."""
        self.show_selection(self._selected)

    def _show_photo(self, photo: Photo) -> None:
        if self._selected != [photo.id]:
            return  # the selection moved on while the database answered
        self.photo = photo
        self.inspector.show_photo(photo)
        self.photo_shown.emit(photo)
        self._load_preview()
        self.load_history(photo.id)

    def load_history(self, photo_id: int) -> None:
        """Read and describe the photo's custody log on the database thread, then show it."""
        def described(c: Catalogue) -> list[HistoryLine]:
            names = {i.id: i.name for i in c.incidents(include_archived=True)}
            return describe_all(c.custody_log(photo_id), names)

        self.session.read(self, described, lambda lines: self._show_history(photo_id, lines),
                          lambda error: self._history_failed(photo_id, error))

    def _history_failed(self, photo_id: int, error: BaseException) -> None:
        if self.photo is not None and self.photo.id == photo_id:
            self.inspector.history.show_message(
                fill(self.tr("The history could not be read: %1"), error))

    def _show_history(self, photo_id: int, lines: list[HistoryLine]) -> None:
        if self.photo is not None and self.photo.id == photo_id:
            self.inspector.show_history(photo_id, lines)
            self.history_shown.emit(photo_id)

    def _load_preview(self) -> None:
        photo = self.photo
        if photo is None:
            return
        path = self.session.catalogue.layout.resolve(photo.stored_path)
        size = max(self.inspector.preview_target().width(), 200)
        self.previews.run(self.inspector, lambda: to_qimage(render_preview(path, size)),
                          lambda image: self._preview_loaded(photo.id, image),
                          lambda error: self.inspector.preview.setText(str(error)))

    def _preview_loaded(self, photo_id: int, image: QImage) -> None:
        if self.photo is not None and self.photo.id == photo_id:
            self.inspector.set_preview(QPixmap.fromImage(image))
            memory.give_back()
            self.preview_shown.emit(photo_id)

    def set_caption(self, photo_id: int, text: str, expected: str) -> None:
        """Write a caption on the database thread if it is still `expected` (else say why it
        was left), then show it if that photo is shown."""
        def written(_changed: object) -> None:
            self.caption_saved.emit(photo_id)
            if self.photo is not None and self.photo.id == photo_id:
                self.session.read(self, lambda c: c.photo(photo_id), self._show_photo)

        def refused(error: BaseException) -> None:
            self.session.failed.emit(str(error) if isinstance(error, AppError)
                                     else fill(self.tr("The catalogue could not do that: %1"),
                                               error))
            self.caption_refused.emit(photo_id)

        self.session.write(self, lambda c, actor: tagging.restore_captions(
            c, {photo_id: expected}, {photo_id: text}, actor), written, refused)


class CaptionChange(QUndoCommand):
    """A caption edit that Ctrl+Z can take back (both directions are logged).

    Undo puts back exactly the caption before this edit, and only if the caption is still
    what this edit wrote; otherwise it is left and the status bar says why.
    """

    def __init__(self, controller: InspectController, photo_id: int, old: str,
                 new: str) -> None:
        super().__init__(fill(QCoreApplication.translate("CaptionChange", "caption of photo %1"),
                              photo_id))
        self.controller, self.photo_id, self.old, self.new = controller, photo_id, old, new

    def redo(self) -> None:
        self.controller.set_caption(self.photo_id, self.new, expected=self.old)

    def undo(self) -> None:
        self.controller.set_caption(self.photo_id, self.old, expected=self.new)


class ViewerController(QObject):
    """The full-screen viewer over the grid's current photo: step, fit, actual pixels."""

    def __init__(self, session: CatalogueSession, viewer: Viewer, grid: QAbstractItemView,
                 model: PhotoGridModel, previews: TaskRunner, parent: QObject) -> None:
        super().__init__(parent)
        self.session, self.viewer, self.grid, self.model = session, viewer, grid, model
        self.previews = previews
        viewer.step.connect(self._step)
        viewer.want_full_size.connect(lambda: self._load(self.grid.currentIndex().row(), True))
        grid.doubleClicked.connect(lambda _index: self.open())

    def open(self) -> None:
        index = self.grid.currentIndex()
        if not index.isValid():
            return
        self.viewer.showFullScreen()
        self._load(index.row(), full=False)

    def _step(self, delta: int) -> None:
        row = self.grid.currentIndex().row() + delta
        if 0 <= row < self.model.rowCount():
            self.grid.setCurrentIndex(self.model.index(row))
            self._load(row, full=self.viewer.actual_size)

    def _load(self, row: int, full: bool) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        photo_id = self.model.photo_id(row)
        size = FULL_SIZE if full else max(self.viewer.width(), self.viewer.height(), 800)
        layout = self.session.catalogue.layout

        def decode(photo: Photo) -> None:
            path = layout.resolve(photo.stored_path)
            self.previews.run(self.viewer, lambda: (photo, to_qimage(render_preview(path, size))),
                              shown, lambda error: self.viewer.caption.setText(str(error)))

        def shown(result: tuple[Photo, QImage]) -> None:
            photo, image = result
            name = Path(photo.sources[0].path).name if photo.sources else ""
            corrected = photo.taken_at_corrected
            recorded = time_label(photo.capture.taken_at, self.tr("no capture time recorded"))
            if corrected is not None:  # corrected for the camera's clock, as the grid shows
                title = f"{name}   " + fill(self.tr("%1 (corrected)"), time_label(corrected))
                detail = fill(self.tr("Recorded by the camera: %1"), recorded)
            else:
                title, detail = f"{name}   {time_label(photo.capture.taken_at)}", recorded
            self.viewer.show_pixmap(QPixmap.fromImage(image), title.rstrip(), photo.id, image,
                                    detail, photo.caption)
            memory.give_back()  # the photo shown before, and this decode's buffers, are freed

        self.session.read(self, lambda c: c.photo(photo_id), decode)
