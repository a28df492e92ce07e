"""The full-screen viewer: one photo at a time, next/previous, fit or 100 %, redaction regions."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from catalog_app.core.redaction import Method, Shape
from catalog_app.gui.views.redaction_overlay import RedactionOverlay

HINT = ("Drag over the photo to hide a part of it.  R rectangle, E ellipse, B blur, P pixelate, "
        "F fill, N new region, Tab next region, Delete remove, Enter confirm, Ctrl+Z undo")


class _PhotoLabel(QLabel):
    """The photo, with the redaction overlay kept over it whatever its size."""

    def __init__(self) -> None:
        super().__init__(alignment=Qt.AlignmentFlag.AlignCenter)
        self.overlay = RedactionOverlay(self)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.overlay.setGeometry(self.rect())
        self.place_overlay()

    def place_overlay(self) -> None:
        shown = self.pixmap()
        if shown is None or shown.isNull():
            self.overlay.photo_rect = QRectF()
        else:
            size = shown.deviceIndependentSize()
            self.overlay.photo_rect = QRectF((self.width() - size.width()) / 2,
                                             (self.height() - size.height()) / 2,
                                             size.width(), size.height())
        self.overlay.update()


class Viewer(QDialog):
    """Keys: ←/→ previous/next, 1 actual pixels, 0 fit, Esc or Space close; and HINT's."""

    step = Signal(int)  # -1 previous, +1 next
    want_full_size = Signal()
    photo_shown = Signal(int)  # photo id, once its pixels are shown
    delete_requested = Signal(int)  # region id
    confirm_requested = Signal(int)  # region id (a proposed one)
    method_requested = Signal(int, str)  # region id, method: change a region's method
    undo_requested = Signal()
    redo_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Photo")
        self.setObjectName("viewer")
        self.image = _PhotoLabel()
        self.image.setAccessibleName("Photo")
        self.overlay = self.image.overlay
        self.scroll_area = QScrollArea()
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setWidget(self.image)
        self.scroll_area.setWidgetResizable(True)
        self.caption = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self._tools())
        layout.addWidget(self.caption)
        self._pixmap = QPixmap()  # what is shown: the photo, or it with its regions hidden
        self._photo = QPixmap()  # the photo as decoded
        self._base = QImage()  # the photo as decoded, never redacted
        self.photo_id: int | None = None
        self.actual_size = False
        self._keys = {Qt.Key.Key_Right: lambda: self.step.emit(1),
                      Qt.Key.Key_Left: lambda: self.step.emit(-1),
                      Qt.Key.Key_1: self._actual, Qt.Key.Key_0: self._fit,
                      Qt.Key.Key_Space: self.close, Qt.Key.Key_Escape: self.close,
                      Qt.Key.Key_R: lambda: self._choose(self.shape_box, Shape.RECTANGLE),
                      Qt.Key.Key_E: lambda: self._choose(self.shape_box, Shape.ELLIPSE),
                      Qt.Key.Key_B: lambda: self._choose(self.method_box, Method.BLUR),
                      Qt.Key.Key_P: lambda: self._choose(self.method_box, Method.PIXELATE),
                      Qt.Key.Key_F: lambda: self._choose(self.method_box, Method.FILL),
                      Qt.Key.Key_N: self.add_centred,
                      Qt.Key.Key_Tab: self.overlay.select_next,
                      Qt.Key.Key_Delete: self.delete_selected,
                      Qt.Key.Key_Backspace: self.delete_selected,
                      Qt.Key.Key_Return: self.confirm_selected,
                      Qt.Key.Key_Enter: self.confirm_selected}
        self.overlay.selection_changed.connect(lambda _id: self._enable())
        self._enable()

    def _tools(self) -> QWidget:
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 4, 8, 4)
        self.shape_box = QComboBox()
        self.shape_box.setAccessibleName("Region shape")
        for shape in Shape:
            self.shape_box.addItem(shape.value.capitalize(), shape)
        self.method_box = QComboBox()
        self.method_box.setAccessibleName("Redaction method")
        for method in Method:
            self.method_box.addItem({"blur": "Blur (irreversible)", "pixelate": "Pixelate",
                                     "fill": "Solid fill"}[method.value], method)
        self.shape_box.currentIndexChanged.connect(self._shape_chosen)
        self.method_box.activated.connect(self._method_chosen)
        self.confirm_button = QPushButton("Confirm proposed region")
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.delete_button = QPushButton("Remove region")
        self.delete_button.clicked.connect(self.delete_selected)
        self.hint = QLabel(HINT)
        self.hint.setWordWrap(True)
        for control in (self.shape_box, self.method_box, self.confirm_button,
                        self.delete_button):  # clicked, never focused: keys stay the viewer's
            control.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for button in (self.confirm_button, self.delete_button):
            button.setAutoDefault(False)  # Enter confirms a region, not the focused button
        for part in (QLabel("Shape"), self.shape_box, QLabel("Method"), self.method_box,
                     self.confirm_button, self.delete_button):
            row.addWidget(part)
        row.addWidget(self.hint, 1)
        return bar

    # -- redaction controls --------------------------------------------------------------
    @property
    def method(self) -> Method:
        return Method(self.method_box.currentData())

    def _choose(self, box: QComboBox, value: object) -> None:
        box.setCurrentIndex(box.findData(value))
        if box is self.method_box:
            self._method_chosen()

    def _shape_chosen(self) -> None:
        self.overlay.shape = Shape(self.shape_box.currentData())

    def _method_chosen(self, _index: int = 0) -> None:
        region = self.overlay.selected_region()
        if region is not None and region.id is not None and region.method is not self.method:
            self.method_requested.emit(region.id, self.method.value)

    def _enable(self) -> None:
        region = self.overlay.selected_region()
        self.delete_button.setEnabled(region is not None)
        self.confirm_button.setEnabled(region is not None and not region.applied)
        if region is not None:
            self.method_box.setCurrentIndex(self.method_box.findData(region.method))

    def add_centred(self) -> None:
        """A region in the middle of the photo (then refined by the mouse, or kept)."""
        if not self.overlay.photo_rect.isEmpty():
            self.overlay.drawn.emit(0.375, 0.375, 0.25, 0.25)

    def delete_selected(self) -> None:
        region = self.overlay.selected_region()
        if region is not None and region.id is not None:
            self.delete_requested.emit(region.id)

    def confirm_selected(self) -> None:
        region = self.overlay.selected_region()
        if region is not None and region.id is not None and not region.applied:
            self.confirm_requested.emit(region.id)

    def keyPressEvent(self, event) -> None:
        key, mods = Qt.Key(event.key()), event.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier:
            if key == Qt.Key.Key_Z:
                (self.redo_requested if mods & Qt.KeyboardModifier.ShiftModifier
                 else self.undo_requested).emit()
                return
            if key == Qt.Key.Key_Y:
                self.redo_requested.emit()
                return
        action = self._keys.get(key)
        if action is None:
            super().keyPressEvent(event)
            return
        action()

    def focusNextPrevChild(self, next_: bool) -> bool:
        return False  # Tab steps through the regions, not through the controls

    # -- the photo -----------------------------------------------------------------------
    def show_pixmap(self, pixmap: QPixmap, caption: str, photo_id: int | None = None,
                    image: QImage | None = None) -> None:
        """Show a photo (`image`: its pixels as decoded, for the redaction effect)."""
        self._pixmap = self._photo = pixmap
        self._base = image if image is not None else QImage()
        self.caption.setText(caption)
        if photo_id != self.photo_id:
            self.overlay.set_regions(())
        self.photo_id = photo_id
        self._render()
        if photo_id is not None:
            self.photo_shown.emit(photo_id)

    def base_image(self) -> QImage:
        """The photo as decoded (its regions not applied), for the effect to be made from."""
        return self._base

    def show_effect(self, pixmap: QPixmap | None) -> None:
        """Show the photo as it will be published (its confirmed regions hidden); None: as
        decoded (it has no confirmed region)."""
        self._pixmap = self._photo if pixmap is None else pixmap
        self._render()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._render()

    def _actual(self) -> None:
        self.actual_size = True
        self.scroll_area.setWidgetResizable(False)
        self.want_full_size.emit()
        self._render()

    def _fit(self) -> None:
        self.actual_size = False
        self.scroll_area.setWidgetResizable(True)
        self._render()

    def _render(self) -> None:
        if self._pixmap.isNull():
            return
        if self.actual_size:
            self.image.setPixmap(self._pixmap)
            self.image.adjustSize()
        else:
            area = self.scroll_area.viewport().size()
            self.image.setPixmap(self._pixmap.scaled(
                area, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        self.image.place_overlay()
