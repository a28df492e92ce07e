"""Redaction from the viewer: draw, move, resize, change, confirm, remove regions (undoable);
show the effect."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PIL.ImageQt import fromqimage
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QImage, QPixmap, QUndoCommand, QUndoStack

from catalog_app.core import redaction
from catalog_app.core.models import Actor, Photo
from catalog_app.core.redaction import Method, Region, Status
from catalog_app.db.catalogue import Catalogue
from catalog_app.gui.controllers import fill
from catalog_app.gui.images import to_qimage
from catalog_app.gui.session import CatalogueSession
from catalog_app.gui.tasks import TaskRunner
from catalog_app.gui.views.inspector import Inspector
from catalog_app.gui.views.viewer import Viewer


@dataclass(slots=True)
class Handle:
    """One region across undo and redo: removing and adding it back gives it a new id, which
    every command about it follows (set on the database thread, where the writes run in
    order)."""

    photo_id: int
    id: int | None = None


class RedactionController(QObject):
    """`changed` (one sentence) after each change is committed; `shown` (photo id) once the
    viewer shows that photo's regions and their effect."""

    changed = Signal(str)
    shown = Signal(int)

    def __init__(self, session: CatalogueSession, viewer: Viewer, inspector: Inspector,
                 undo_stack: QUndoStack, previews: TaskRunner, parent: QObject) -> None:
        super().__init__(parent)
        self.session, self.viewer, self.inspector = session, viewer, inspector
        self.undo_stack, self.previews = undo_stack, previews
        self._handles: dict[int, Handle] = {}
        viewer.photo_shown.connect(self.load)
        viewer.overlay.drawn.connect(self._drawn)
        viewer.overlay.reshaped.connect(self.reshape)
        viewer.delete_requested.connect(lambda rid: self.remove(rid))
        viewer.confirm_requested.connect(self.confirm)
        viewer.method_requested.connect(lambda rid, m: self.change_method(rid, Method(m)))
        viewer.undo_requested.connect(undo_stack.undo)
        viewer.redo_requested.connect(undo_stack.redo)

    # -- showing ---------------------------------------------------------------------------
    def load(self, photo_id: int, select: int | None = None) -> None:
        """Read the photo's regions, draw them over it, and show it as it will be published
        (`select`: the region to select, one just made)."""
        self.session.read(self, lambda c: c.redactions([photo_id]).get(photo_id, ()),
                          lambda regions: self._show(photo_id, regions, select))

    def _show(self, photo_id: int, regions: tuple[Region, ...], select: int | None) -> None:
        if self.viewer.photo_id != photo_id:
            return  # the viewer moved on
        self.viewer.overlay.set_regions(regions, select)
        base = self.viewer.base_image()
        if base.isNull() or not any(r.applied for r in regions):
            self.viewer.show_effect(None)
            self.shown.emit(photo_id)
            return
        self.previews.run(self.viewer, lambda: _redacted(base, regions),
                          lambda image: self._effect(photo_id, image))

    def _effect(self, photo_id: int, image: QImage) -> None:
        if self.viewer.photo_id == photo_id:
            self.viewer.show_effect(QPixmap.fromImage(image))
            self.shown.emit(photo_id)

    def show_in_inspector(self, photo: Photo) -> None:
        """List the photo's regions in the inspector."""
        self.session.read(self, lambda c: c.redactions([photo.id]).get(photo.id, ()),
                          lambda regions: self.inspector.show_redactions(
                              photo.id, [r.describe() for r in regions]))

    # -- changes (each undoable) -------------------------------------------------------------
    def _drawn(self, x: float, y: float, w: float, h: float) -> None:
        photo_id = self.viewer.photo_id
        if photo_id is None:
            return
        region = Region(self.viewer.overlay.shape, x, y, w, h, self.viewer.method)
        self.undo_stack.push(RegionCommand(self, fill(self.tr("redact a region of photo %1"),
                                                         photo_id),
                                           photo_id, Handle(photo_id), region, _add, _remove))

    def remove(self, region_id: int, reason: str = "removed") -> None:
        photo_id, region = self._current(region_id)
        if region is not None:
            self.undo_stack.push(RegionCommand(
                self, fill(self.tr("remove redaction region %1"), region_id), photo_id,
                self._handle(photo_id, region_id), region,
                lambda c, a, h, r: _remove(c, a, h, r, reason), _add))

    def confirm(self, region_id: int) -> None:
        photo_id, region = self._current(region_id)
        if region is not None:
            self.undo_stack.push(RegionCommand(
                self, fill(self.tr("confirm redaction region %1"), region_id), photo_id,
                self._handle(photo_id, region_id), region, _status(Status.CONFIRMED),
                _status(Status.PROPOSED)))

    def change_method(self, region_id: int, method: Method) -> None:
        photo_id, region = self._current(region_id)
        if region is not None:
            changed = replace(region, method=method, id=None)
            self.undo_stack.push(RegionCommand(
                self, fill(self.tr("redaction region %1: %2"), region_id, method_label(method)),
                photo_id,
                self._handle(photo_id, region_id), changed, _replacing(changed),
                _replacing(region)))

    def reshape(self, region_id: int, how: str, x: float, y: float, w: float, h: float
                ) -> None:
        """Move or resize a region (`how`: "moved" or "resized"): it is replaced by one with
        the new box in one unit of work, logged; undo puts the old box back the same way."""
        photo_id, region = self._current(region_id)
        if region is None:
            return
        changed = replace(region, x=x, y=y, w=w, h=h, id=None)
        text = (self.tr("move redaction region %1") if how == "moved"
                else self.tr("resize redaction region %1"))
        self.undo_stack.push(RegionCommand(
            self, fill(text, region_id), photo_id,
            self._handle(photo_id, region_id), changed, _replacing(changed, how),
            _replacing(region, f"{how} back")))

    def _current(self, region_id: int) -> tuple[int, Region | None]:
        photo_id = self.viewer.photo_id or 0
        return photo_id, next((r for r in self.viewer.overlay.regions if r.id == region_id),
                              None)

    def _handle(self, photo_id: int, region_id: int) -> Handle:
        return self._handles.setdefault(region_id, Handle(photo_id, region_id))

    def run(self, command: RegionCommand, step: Step) -> None:
        """Write one step of a command on the database thread, then show the photo again."""
        def work(c: Catalogue, actor: Actor) -> str:
            before = command.handle.id
            sentence = step(c, actor, command.handle, command.region)
            if command.handle.id is not None and command.handle.id != before:
                self._handles[command.handle.id] = command.handle
            return sentence

        def done(sentence: str) -> None:
            self.changed.emit(sentence)
            if self.viewer.photo_id == command.photo_id:
                self.load(command.photo_id, command.handle.id)

        self.session.write(self, work, done)


Step = Callable[[Catalogue, Actor, Handle, Region], str]


translate = QCoreApplication.translate  # lupdate reads each call's literal context and text


def method_label(method: Method) -> str:
    """A redaction method as shown (the stored value stays English)."""
    return {Method.BLUR: translate("RedactionController", "blur"),
            Method.PIXELATE: translate("RedactionController", "pixelate"),
            Method.FILL: translate("RedactionController", "fill")}.get(method, str(method.value))


def _done_sentence(region_id: int | None, what: str, region: Region) -> str:
    """What a step did to a region, said in the window's language (`what` is stored English)."""
    texts = {"": translate("RedactionController", "Redaction region %1: %2."),
             "moved": translate("RedactionController", "Redaction region %1 moved."),
             "resized": translate("RedactionController", "Redaction region %1 resized."),
             "moved back": translate("RedactionController", "Redaction region %1 moved back."),
             "resized back": translate("RedactionController", "Redaction region %1 resized back.")}
    text = texts.get(what)
    if text is None:
        return fill(translate("RedactionController", "Redaction region %1: %2."), region_id, what)
    return fill(text, region_id, method_label(region.method))


def _add(c: Catalogue, actor: Actor, handle: Handle, region: Region) -> str:
    handle.id = c.add_redaction(handle.photo_id, region, actor)
    return fill(translate("RedactionController", "Redaction region %1 added (%2)."), handle.id,
                method_label(region.method))


def _remove(c: Catalogue, actor: Actor, handle: Handle, region: Region,
            reason: str = "removed") -> str:
    if handle.id is None:
        return translate("RedactionController", "Nothing to remove.")
    c.remove_redaction(handle.id, actor, reason)  # the reason is stored as given
    if reason == "removed":
        return fill(translate("RedactionController", "Redaction region %1 removed."), handle.id)
    return fill(translate("RedactionController", "Redaction region %1 removed: %2."), handle.id,
                reason)


def _status(status: Status) -> Step:
    def step(c: Catalogue, actor: Actor, handle: Handle, region: Region) -> str:
        c.review_redaction(handle.id or 0, status, actor)
        if status == Status.CONFIRMED:
            return fill(translate("RedactionController", "Redaction region %1 confirmed."),
                        handle.id)
        return fill(translate("RedactionController", "Redaction region %1 proposed again."),
                    handle.id)
    return step


def _replacing(region: Region, what: str = "") -> Step:
    """Put `region` in the place of the handle's (`what` was done: the method by default)."""
    def step(c: Catalogue, actor: Actor, handle: Handle, _region: Region) -> str:
        handle.id = c.replace_redaction(handle.id or 0, replace(region, id=None), actor,
                                        what or "replaced")
        return _done_sentence(handle.id, what, region)
    return step


class RegionCommand(QUndoCommand):
    """A change to one region that Ctrl+Z takes back (both directions are logged)."""

    def __init__(self, controller: RedactionController, text: str, photo_id: int,
                 handle: Handle, region: Region, do: Step, undo: Step) -> None:
        super().__init__(text)
        self.controller, self.photo_id, self.handle, self.region = (controller, photo_id,
                                                                    handle, region)
        self._do, self._undo = do, undo

    def redo(self) -> None:
        self.controller.run(self, self._do)

    def undo(self) -> None:
        self.controller.run(self, self._undo)


def _redacted(base: QImage, regions: tuple[Region, ...]) -> QImage:
    """The photo as it will be published (on a pool thread)."""
    return to_qimage(redaction.apply(fromqimage(base), regions))
